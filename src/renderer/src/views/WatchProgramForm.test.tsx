// The watch form: what it sends (exactly), what it refuses before sending (empty fields, an
// unclosed quote), a host that starts no programs (disabled with its reason), the host's file
// dialog where it has one, and a form filled in from an attached process.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { ProgramSupport } from '../../../shared/api'
import { CATALOGUE } from '../test/fixtures/catalogue'
import { WatchProgramForm } from './WatchProgramForm'
import type { WatchPrefill } from './WatchProgramForm'

const SCENARIOS = [
  ...CATALOGUE,
  { ...CATALOGUE[1]!, id: 'pipe', title: { en: 'Pipe', ko: '파이프' } }
]
const SUPPORT: ProgramSupport = {
  refused: null,
  python: { executable: '/usr/bin/python3.11', version: '3.11.2' },
  picker: false,
  lessons: ['queue', 'pipe']
}

function form(support: ProgramSupport | null = SUPPORT, prefill?: WatchPrefill) {
  const onWatch = vi.fn()
  const onPick = vi.fn(async (kind: 'file' | 'directory') =>
    kind === 'file' ? '/home/me/picked.py' : null
  )
  const view = render(
    <WatchProgramForm
      support={support}
      scenarios={SCENARIOS}
      prefill={prefill}
      onWatch={onWatch}
      onPick={onPick}
    />
  )
  return { onWatch, onPick, view }
}
const box = (name: string) => screen.getByRole('textbox', { name })
const watch = () => fireEvent.click(screen.getByRole('button', { name: 'Watch' }))

describe('WatchProgramForm', () => {
  it('sends the script, its arguments split as a shell would, the cwd and the interpreter', () => {
    const { onWatch } = form()
    fireEvent.change(box('Script'), { target: { value: ' /srv/job.py ' } })
    fireEvent.change(box('Arguments'), { target: { value: `--n 3 "two words" 'it''s' a\\ b` } })
    fireEvent.change(box('Working directory'), { target: { value: '/srv' } })
    fireEvent.change(box('Interpreter'), { target: { value: '/opt/py/bin/python3.12' } })
    watch()
    expect(onWatch).toHaveBeenCalledWith({
      program: { kind: 'script', path: '/srv/job.py' },
      args: ['--n', '3', 'two words', 'its', 'a b'],
      cwd: '/srv',
      python: '/opt/py/bin/python3.12'
    })
  })

  it('an empty script is named before sending; optional fields are left out', () => {
    const { onWatch } = form()
    watch()
    expect(screen.getByRole('alert')).toHaveTextContent('Name the script to run.')
    expect(onWatch).not.toHaveBeenCalled()
    fireEvent.change(box('Script'), { target: { value: 'x.py' } })
    watch()
    expect(onWatch).toHaveBeenCalledWith({ program: { kind: 'script', path: 'x.py' }, args: [] })
  })

  it('an unclosed quote in the arguments is shown and blocks Watch', () => {
    const { onWatch } = form()
    fireEvent.change(box('Script'), { target: { value: 'x.py' } })
    fireEvent.change(box('Arguments'), { target: { value: '--name "half' } })
    expect(screen.getByRole('alert')).toHaveTextContent('a " is never closed')
    expect(box('Arguments')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('button', { name: 'Watch' })).toBeDisabled()
    watch()
    expect(onWatch).not.toHaveBeenCalled()
  })

  it('a module, or a bundled lesson (only those the host has) with its options', () => {
    const { onWatch } = form()
    fireEvent.click(screen.getByRole('radio', { name: 'Module (-m)' }))
    fireEvent.change(box('Module'), { target: { value: 'pkg.tool' } })
    watch()
    expect(onWatch).toHaveBeenLastCalledWith({
      program: { kind: 'module', name: 'pkg.tool' },
      args: []
    })
    fireEvent.click(screen.getByRole('radio', { name: 'Bundled lesson' }))
    const lesson = screen.getByRole('combobox', { name: 'Lesson' })
    const offered = screen.getAllByRole('option').map((o) => o.getAttribute('value'))
    expect(offered).toEqual(['queue', 'pipe']) // not hello: the host has no lesson for it
    fireEvent.change(lesson, { target: { value: 'pipe' } })
    fireEvent.change(box('Arguments'), { target: { value: '--start-method spawn' } })
    watch()
    expect(onWatch).toHaveBeenLastCalledWith({
      program: { kind: 'lesson', scenario: 'pipe' },
      args: ['--start-method', 'spawn']
    })
  })

  it("serve without --allow-programs: disabled from the start, with the host's reason", () => {
    const refused =
      'this host does not start programs (running a program from a browser is code execution): start serve with --allow-programs'
    const { onWatch } = form({ ...SUPPORT, refused })
    expect(screen.getByText(refused)).toBeVisible()
    expect(screen.getByRole('group')).toBeDisabled()
    expect(screen.getByRole('group')).toHaveAccessibleDescription(refused)
    expect(screen.getByRole('button', { name: 'Watch' })).toBeDisabled()
    watch()
    expect(onWatch).not.toHaveBeenCalled()
  })

  it('says which interpreter runs the program, or what the host tried', () => {
    form()
    expect(screen.getByText('Runs on /usr/bin/python3.11 (Python 3.11.2).')).toBeVisible()
    expect(box('Interpreter')).toHaveAttribute('placeholder', 'default: /usr/bin/python3.11')
    const error = 'no usable Python 3.8+ found; tried: python3 (not on PATH)'
    form({ ...SUPPORT, python: { error } })
    expect(screen.getByText(`No default interpreter: ${error}`)).toBeVisible()
  })

  it('before the host answers: disabled, saying it asks', () => {
    form(null)
    expect(screen.getByText('Asking the host what it can run…')).toBeVisible()
    expect(screen.getByRole('button', { name: 'Watch' })).toBeDisabled()
  })

  it("the host's file dialog where it has one (Electron): Choose… fills the path", async () => {
    const { onPick } = form({ ...SUPPORT, picker: true })
    fireEvent.click(screen.getByRole('button', { name: 'Choose…' }))
    await waitFor(() => expect(box('Script')).toHaveValue('/home/me/picked.py'))
    fireEvent.click(screen.getByRole('button', { name: 'Choose a folder…' }))
    expect(onPick.mock.calls.map((c) => c[0])).toEqual(['file', 'directory'])
    await Promise.resolve()
    expect(box('Working directory')).toHaveValue('') // cancelled: unchanged
  })

  it('no dialog in a browser: a path field only', () => {
    form()
    expect(screen.queryByRole('button', { name: 'Choose…' })).toBeNull()
    expect(box('Script')).toBeVisible()
  })

  it("filled in from an attached process's command line: script, arguments, cwd, interpreter", () => {
    const { onWatch } = form(SUPPORT, {
      pid: 4242,
      python: '/usr/bin/python3.11',
      program: { kind: 'script', path: 'train.py' },
      args: ['--epochs', '2', 'with space'],
      dropped: ['-u'],
      cwd: '/home/me/proj'
    })
    expect(
      screen.getByText('Filled in from PID 4242. Interpreter options left out: -u.')
    ).toBeVisible()
    expect(box('Arguments')).toHaveValue("--epochs 2 'with space'")
    watch()
    expect(onWatch).toHaveBeenCalledWith({
      program: { kind: 'script', path: 'train.py' },
      args: ['--epochs', '2', 'with space'],
      cwd: '/home/me/proj',
      python: '/usr/bin/python3.11'
    })
  })
})
