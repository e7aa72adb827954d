import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import i18next from 'i18next'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from './App'
import { RunStore } from './store/runStore'
import { fakeApi, runInfo } from './test/fakeApi'
import { HELLO_CHILD_PID, helloEvents } from './test/fixtures/helloRun'
import { queueRun } from './test/fixtures/synthetic'

afterEach(async () => {
  vi.restoreAllMocks()
  await i18next.changeLanguage('en')
})

async function setup() {
  const f = fakeApi()
  const store = new RunStore({ throttleMs: 0 })
  render(<App api={f.api} store={store} />)
  await screen.findByRole('option', { name: 'Hello, process' })
  return { ...f, store }
}

describe('App', () => {
  it('runs a scenario and shows the recorded run: PIDs, status, verdict', async () => {
    const { mock, emit } = await setup()
    fireEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() =>
      expect(mock.startRun).toHaveBeenCalledWith({ scenario: 'hello', params: {} })
    )
    act(() => emit('run-1', helloEvents.slice(0, 5)))
    expect(screen.getByTestId('run-status')).toHaveTextContent('running')
    expect(screen.getByRole('button', { name: 'Stop' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Export' })).toBeDisabled()
    act(() => emit('run-1', helloEvents.slice(5)))
    expect(screen.getByTestId('run-status')).toHaveTextContent('finished')
    expect(screen.getByTestId('proc-pid')).toHaveTextContent(String(HELLO_CHILD_PID))
    expect(screen.getByRole('heading', { name: 'Verdict: passed' })).toBeInTheDocument()
  })

  it('stops with Escape and runs with Ctrl+Enter', async () => {
    const { mock, emit, store } = await setup()
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(mock.startRun).toHaveBeenCalledTimes(1))
    act(() => store.addRun(runInfo('run-1')))
    act(() => emit('run-1', helloEvents.slice(0, 3)))
    fireEvent.keyDown(window, { key: 'Escape' })
    await waitFor(() => expect(mock.stopRun).toHaveBeenCalledWith({ runId: 'run-1' }))
  })

  it('exports the selected run by following the host’s export link, checked first', async () => {
    const { emit, store } = await setup()
    act(() => store.addRun(runInfo('run-1')))
    act(() => emit('run-1', helloEvents))
    const fetchMock = vi.fn(
      async () =>
        new Response(null, {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="hello-run-1.trace.json"' }
        })
    )
    vi.stubGlobal('fetch', fetchMock)
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    fireEvent.click(screen.getByRole('menuitem', { name: /Chrome/ }))
    await waitFor(() => expect(click).toHaveBeenCalled())
    expect(fetchMock).toHaveBeenCalledWith('/api/export?run=run-1&format=chrome', {
      method: 'HEAD',
      cache: 'no-store'
    })
    const anchor = click.mock.instances[0] as unknown as HTMLAnchorElement
    expect(anchor.getAttribute('href')).toBe('/api/export?run=run-1&format=chrome')
    expect(anchor.download).toBe('hello-run-1.trace.json')
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Export started: hello-run-1.trace.json'
    )
    vi.unstubAllGlobals()
  })

  it('says what the host refused instead of downloading', async () => {
    const { emit, store } = await setup()
    act(() => store.addRun(runInfo('run-1')))
    act(() => emit('run-1', helloEvents))
    vi.stubGlobal('fetch', async () => new Response("no run with id 'run-1'\n", { status: 404 }))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    fireEvent.click(screen.getByRole('button', { name: 'Export' }))
    fireEvent.click(screen.getByRole('menuitem', { name: /Chrome/ }))
    expect(await screen.findByRole('alert')).toHaveTextContent("no run with id 'run-1'")
    expect(click).not.toHaveBeenCalled()
    vi.unstubAllGlobals()
  })

  it('kills a process of a live run through the API', async () => {
    const { mock, emit, store } = await setup()
    act(() => store.addRun(runInfo('run-1')))
    act(() => emit('run-1', helloEvents.slice(0, 5))) // child spawned, not exited yet
    fireEvent.click(screen.getByRole('button', { name: `Actions for PID ${HELLO_CHILD_PID}` }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Terminate (SIGTERM)' }))
    await waitFor(() =>
      expect(mock.killProcess).toHaveBeenCalledWith({
        runId: 'run-1',
        pid: HELLO_CHILD_PID,
        signal: 'SIGTERM'
      })
    )
  })

  it('opens a trace and replays it: the scrubber drives the views (synthetic queue)', async () => {
    const { emit } = await setup()
    // the page posts the file to the host's open route; the host pushes its events, then answers
    const fetchMock = vi.fn(async () => {
      emit('run-9', queueRun())
      return Response.json(
        runInfo('run-9', { replay: true, status: 'finished', scenario: 'queue' })
      )
    })
    vi.stubGlobal('fetch', fetchMock)
    const input = screen.getByLabelText('Open trace')
    const file = new File(['{"format":"poolscope-trace"}'], 'q.poolscope.json')
    fireEvent.change(input, { target: { files: [file] } })
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith('/api/open?name=q.poolscope.json', {
        method: 'POST',
        body: file
      })
    )
    const scrubber = await screen.findByRole('slider', { name: 'Replay time' })
    expect(screen.getByTestId('run-status')).toHaveTextContent('replay · finished')
    expect(screen.getAllByTestId('proc-pid')).toHaveLength(3)
    fireEvent.change(scrubber, { target: { value: '2' } })
    // At t = 2 ms only two senders had been spawned, and nothing has ended.
    expect(screen.getAllByTestId('proc-pid')).toHaveLength(2)
    expect(screen.queryByRole('heading', { name: /Verdict:/ })).toBeNull()
    fireEvent.click(screen.getByRole('tab', { name: 'Queues and locks' }))
    fireEvent.change(scrubber, { target: { value: '25' } })
    const table = screen.getByRole('table', { name: 'Queue depth over time' })
    // At 25 ms: depth 1, max 1, 2 puts, 1 get, 1 blocked put, nobody waiting.
    const cells = within(table).getByText('q').closest('tr')!.querySelectorAll('td')
    expect(Array.from(cells, (c) => c.textContent)).toEqual(['q', '1', '1', '2', '1', '1', '0'])
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument()
    vi.unstubAllGlobals()
  })

  it('switches language, and views with Alt+digit', async () => {
    await setup()
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'ko' }
    })
    expect(await screen.findByRole('button', { name: '실행' })).toBeInTheDocument()
    expect(screen.getByRole('option', { name: '안녕, 프로세스' })).toBeInTheDocument()
    expect(document.documentElement.lang).toBe('ko')
    fireEvent.change(screen.getByRole('combobox', { name: '언어' }), { target: { value: 'en' } })
    expect(await screen.findByRole('button', { name: 'Run' })).toBeInTheDocument()
  })

  it('lists the shortcuts and switches tabs from the keyboard', async () => {
    const { emit, store } = await setup()
    act(() => store.addRun(runInfo('run-1')))
    act(() => emit('run-1', helloEvents))
    fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true })
    expect(screen.getByRole('tab', { name: 'CPU per core' })).toHaveAttribute(
      'aria-selected',
      'true'
    )
    fireEvent.click(screen.getByRole('button', { name: 'Shortcuts' }))
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(within(dialog).getByText('Run the selected scenario')).toBeInTheDocument()
    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Close' }), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

describe('App: watching Python programs', () => {
  it('the watch form sends to watchProgram and shows the run', async () => {
    const { mock } = await setup()
    fireEvent.click(screen.getByRole('button', { name: 'Watch a Python program' }))
    const form = screen.getByRole('form', { name: 'Watch a Python program' })
    await waitFor(() => expect(within(form).getByRole('button', { name: 'Watch' })).toBeEnabled())
    fireEvent.change(within(form).getByRole('textbox', { name: 'Script' }), {
      target: { value: '/srv/job.py' }
    })
    fireEvent.click(within(form).getByRole('button', { name: 'Watch' }))
    await waitFor(() =>
      expect(mock.watchProgram).toHaveBeenCalledWith({
        program: { kind: 'script', path: '/srv/job.py' },
        args: []
      })
    )
    await waitFor(() => expect(screen.getByTestId('run-status')).toHaveTextContent('run-7'))
  })

  it("explorer's Watch on a Python program: says what the shim would add, and offers to start it under PoolScope with its command line", async () => {
    const f = fakeApi()
    const py = {
      pid: 20,
      ppid: 1,
      uid: 1000,
      user: 'me',
      state: 'S',
      threads: 1,
      cpu: 1,
      rss: 1,
      startedAt: 0,
      name: 'python3',
      command: 'python3 -u work.py --n 3'
    }
    Object.assign(f.mock, {
      // the first snapshot at once, then none (the host sets the pace)
      systemSnapshot: vi
        .fn()
        .mockResolvedValueOnce({
          seq: 1,
          at: 0,
          hostPid: 9,
          hostUid: 1000,
          reader: 'procfs',
          cores: [],
          procs: [py]
        })
        .mockReturnValue(new Promise(() => {})),
      processDetails: vi.fn(async () => ({
        pid: 20,
        command: py.command,
        argv: ['python3', '-u', 'work.py', '--n', '3'],
        cwd: '/home/me/proj',
        exe: '/usr/bin/python3.11',
        fds: 3,
        threads: 1,
        errors: {}
      })),
      attachProcess: vi.fn(async () =>
        runInfo('run-5', { kind: 'attach', scenario: 'attach 20', params: { pid: 20 } })
      )
    })
    // the explorer's list is virtualised: it draws the rows that fit its height
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400)
    render(<App api={f.api} store={new RunStore({ throttleMs: 0 })} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Explorer' }))
    await waitFor(() => expect(document.querySelector('tr[data-pid="20"]')).not.toBeNull())
    fireEvent.click(document.querySelector('tr[data-pid="20"]')!)
    fireEvent.click(screen.getAllByRole('button', { name: 'Watch' })[0]!)
    const notice = await screen.findByTestId('notice-attach-python')
    expect(notice).toHaveTextContent('PID 20 is a Python program started outside PoolScope')
    fireEvent.click(
      within(notice).getByRole('button', { name: 'Start it under PoolScope instead' })
    )
    const form = screen.getByRole('form', { name: 'Watch a Python program' })
    expect(within(form).getByRole('textbox', { name: 'Script' })).toHaveValue('work.py')
    expect(within(form).getByRole('textbox', { name: 'Arguments' })).toHaveValue('--n 3')
    expect(within(form).getByRole('textbox', { name: 'Working directory' })).toHaveValue(
      '/home/me/proj'
    )
    expect(within(form).getByRole('textbox', { name: 'Interpreter' })).toHaveValue(
      '/usr/bin/python3.11'
    )
    expect(form).toHaveTextContent('Interpreter options left out: -u.')
  })
})
