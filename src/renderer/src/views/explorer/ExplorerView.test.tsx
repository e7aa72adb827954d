import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SystemProcess, SystemSnapshot } from '../../../../shared/system'
import { ExplorerView } from './ExplorerView'

const proc = (pid: number, over: Partial<SystemProcess> = {}): SystemProcess => ({
  pid,
  ppid: 1,
  uid: 1000,
  user: 'me',
  state: 'S',
  threads: 1,
  cpu: 0,
  rss: 4096,
  startedAt: 0,
  name: `p${pid}`,
  command: `prog${pid}`,
  ...over
})

/** init (1) → bash (10) → sleep ×3 (11, 12, 13); alice's python (20). */
const base = (): SystemProcess[] => [
  proc(1, { ppid: 0, uid: 0, user: 'root', command: 'init', cpu: 0.5 }),
  proc(10, { command: 'bash', cpu: 1 }),
  proc(11, { ppid: 10, command: 'sleep 30', cpu: 2 }),
  proc(12, { ppid: 10, command: 'sleep 31', cpu: 3 }),
  proc(13, { ppid: 10, command: 'sleep 32', cpu: 4 }),
  proc(20, { uid: 1001, user: 'alice', command: 'python3 work.py', cpu: 50 })
]

function fakeApi(first: SystemProcess[]) {
  let seq = 0
  const waiting: ((s: SystemSnapshot) => void)[] = []
  const snap = (procs: SystemProcess[]): SystemSnapshot => ({
    seq: ++seq,
    at: 0,
    hostPid: 999,
    hostUid: 1000,
    reader: 'procfs',
    cores: [],
    procs
  })
  let pending: SystemSnapshot | null = snap(first)
  const api = {
    systemSnapshot: vi.fn(() => {
      if (pending) {
        const s = pending
        pending = null
        return Promise.resolve(s)
      }
      return new Promise<SystemSnapshot>((r) => waiting.push(r))
    }),
    processDetails: vi.fn((input: { pid: number }) =>
      Promise.resolve({
        pid: input.pid,
        command: 'full',
        argv: ['full'],
        cwd: null,
        exe: '/bin/x',
        fds: 3,
        threads: 1,
        errors: { cwd: 'permission denied' }
      })
    ),
    signalProcess: vi.fn((input: { pid: number }) =>
      Promise.resolve([{ pid: input.pid, ok: true }])
    )
  }
  const push = async (procs: SystemProcess[]): Promise<void> => {
    await act(async () => {
      waiting.shift()!(snap(procs))
      await Promise.resolve()
    })
  }
  return { api, push }
}

const shownPids = (): number[] =>
  [...document.querySelectorAll('tbody tr[data-pid]')].map((tr) =>
    Number(tr.getAttribute('data-pid'))
  )

async function setup(first = base()) {
  const f = fakeApi(first)
  const onWatch = vi.fn()
  const onNotice = vi.fn()
  render(<ExplorerView api={f.api} onWatch={onWatch} onNotice={onNotice} />)
  await act(async () => {
    await Promise.resolve()
  })
  return { ...f, onWatch, onNotice }
}

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800)
})
afterEach(() => vi.restoreAllMocks())

describe('ExplorerView', () => {
  it('shows every process, busiest first, and sorts by any column', async () => {
    await setup()
    expect(shownPids()).toEqual([20, 13, 12, 11, 10, 1])
    fireEvent.click(screen.getByRole('button', { name: 'PID' }))
    expect(shownPids()).toEqual([20, 13, 12, 11, 10, 1]) // numbers: largest first
    fireEvent.click(screen.getByRole('button', { name: /^PID/ }))
    expect(shownPids()).toEqual([1, 10, 11, 12, 13, 20])
    fireEvent.click(screen.getByRole('button', { name: 'Command' }))
    expect(shownPids()).toEqual([10, 1, 20, 11, 12, 13])
  })

  it('filters by text, by user and to mine only', async () => {
    await setup()
    fireEvent.change(screen.getByRole('searchbox', { name: /Filter the machine/ }), {
      target: { value: 'sleep' }
    })
    expect(shownPids().sort()).toEqual([11, 12, 13])
    fireEvent.change(screen.getByRole('searchbox', { name: /Filter the machine/ }), {
      target: { value: '' }
    })
    fireEvent.change(screen.getByRole('combobox', { name: 'User' }), { target: { value: 'alice' } })
    expect(shownPids()).toEqual([20])
    fireEvent.change(screen.getByRole('combobox', { name: 'User' }), { target: { value: '' } })
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mine only' }))
    expect(shownPids().sort((a, b) => a - b)).toEqual([10, 11, 12, 13])
  })

  it('tree mode by "t": children under their parent; a folded subtree shows its summed CPU', async () => {
    await setup()
    const list = screen.getByRole('region', { name: 'Explorer' })
    fireEvent.keyDown(list, { key: 't' })
    // siblings by CPU, busiest first: 1 → (10 → 13, 12, 11), 20 (parent 1)
    expect(shownPids()).toEqual([1, 20, 10, 13, 12, 11])
    fireEvent.click(document.querySelector('tr[data-pid="10"]')!)
    fireEvent.keyDown(list, { key: 'ArrowLeft' })
    expect(shownPids()).toEqual([1, 20, 10])
    expect(
      within(document.querySelector('tr[data-pid="10"]')!).getByText('10.0 Σ')
    ).toBeInTheDocument()
  })

  it('follows a PID: it stays in view as the list changes', async () => {
    const scrolls: number[] = []
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(401 * 24)
    // jsdom does not scroll: scrolling sets the offset and says so, as a browser does
    Object.defineProperty(HTMLElement.prototype, 'scrollTo', {
      configurable: true,
      value: function (this: HTMLElement, opts: { top?: number }) {
        scrolls.push(opts.top ?? 0)
        this.scrollTop = opts.top ?? 0
        this.dispatchEvent(new Event('scroll'))
      }
    })
    const many = Array.from({ length: 400 }, (_, i) => proc(100 + i, { cpu: 400 - i }))
    const { push } = await setup(many)
    expect(shownPids()).toContain(100)
    fireEvent.click(document.querySelector('tr[data-pid="100"]')!)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Follow PID 100' }))
    // PID 100 becomes the idlest: sorted to the end, far out of view
    await push(many.map((p) => (p.pid === 100 ? { ...p, cpu: 0 } : p)))
    await act(async () => {
      await new Promise((r) => setTimeout(r, 150))
    })
    // scrolled to the last of 400 rows of 24 px, and that row is drawn
    expect(scrolls.at(-1)).toBeGreaterThan(390 * 24 - 400)
    expect(shownPids()).toContain(100)
  })

  it('marks rows that appear or end, and holds the order while the pointer is over the list', async () => {
    const { push } = await setup()
    const now = base().filter((p) => p.pid !== 12)
    await push([...now, proc(30, { command: 'new one', cpu: 0 })])
    expect(document.querySelector('tr[data-pid="12"]')!.className).toContain('mark-ended')
    expect(document.querySelector('tr[data-pid="30"]')!.className).toContain('mark-new')
    const scroll = screen.getByLabelText('Processes of this machine')
    fireEvent.pointerEnter(scroll)
    const before = shownPids()
    await push(base().map((p) => (p.pid === 1 ? { ...p, cpu: 99 } : p)))
    expect(shownPids().filter((p) => before.includes(p))).toEqual(
      before.filter((p) => shownPids().includes(p))
    )
    fireEvent.pointerLeave(scroll)
    expect(shownPids()[0]).toBe(1)
  })

  it('F9 asks first, naming every process a subtree signal hits, then sends it', async () => {
    const { api, onNotice } = await setup()
    const list = screen.getByRole('region', { name: 'Explorer' })
    fireEvent.click(document.querySelector('tr[data-pid="10"]')!)
    fireEvent.keyDown(list, { key: 'F9' })
    const dialog = screen.getByRole('dialog', { name: 'Signal PID 10' })
    expect(within(dialog).getByText('SIGTERM will be sent to 1 process(es):')).toBeInTheDocument()
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'The whole subtree' }))
    expect(within(dialog).getByText('SIGTERM will be sent to 4 process(es):')).toBeInTheDocument()
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['10 me bash', '11 me sleep 30', '12 me sleep 31', '13 me sleep 32'])
    fireEvent.change(within(dialog).getByRole('combobox'), { target: { value: 'SIGKILL' } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Send SIGKILL' }))
      await Promise.resolve()
    })
    expect(api.signalProcess).toHaveBeenCalledWith({ pid: 10, signal: 'SIGKILL', subtree: true })
    expect(onNotice).toHaveBeenCalledWith({ kind: 'info', text: 'SIGKILL sent to 1 process(es)' })
  })

  it('Enter opens the details: unreadable fields say why; Watch attaches', async () => {
    const { onWatch } = await setup()
    const list = screen.getByRole('region', { name: 'Explorer' })
    fireEvent.click(document.querySelector('tr[data-pid="20"]')!)
    await act(async () => {
      fireEvent.keyDown(list, { key: 'Enter' })
      await Promise.resolve()
    })
    const pane = screen.getByRole('complementary', { name: 'Details of PID 20' })
    expect(within(pane).getByText('— (permission denied)')).toBeInTheDocument()
    expect(within(pane).getByText('/bin/x')).toBeInTheDocument()
    expect(within(pane).getByText(/queues and locks need the PoolScope shim/)).toBeInTheDocument()
    fireEvent.click(within(pane).getByRole('button', { name: 'Watch' }))
    expect(onWatch).toHaveBeenCalledWith(20)
  })
})
