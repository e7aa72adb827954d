import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { ProgramSupport } from '../../../shared/api'
import type { ScenarioSpec } from '../../../shared/scenarios'
import { ScenarioLauncher } from './ScenarioLauncher'

const spec = (id: string): ScenarioSpec => ({
  id,
  title: { en: id, ko: id },
  summary: { en: '', ko: '' },
  watch: { en: '', ko: '' },
  params: []
})
const SCENARIOS = [spec('queue'), spec('hello')]
const SUPPORT: ProgramSupport = {
  refused: null,
  python: { executable: '/usr/bin/python3.11', version: '3.11.2' },
  picker: false,
  lessons: ['queue']
}

function launcher(support: ProgramSupport | null, onRun = vi.fn()) {
  render(
    <ScenarioLauncher
      scenarios={SCENARIOS}
      running={false}
      support={support}
      onRun={onRun}
      onStop={() => {}}
    />
  )
  fireEvent.click(screen.getByRole('option', { name: 'queue' }))
  return { onRun, runtime: screen.getByRole('combobox', { name: 'Runtime' }) }
}

describe('ScenarioLauncher runtime', () => {
  it('runs a scenario as its CPython lesson when that runtime is chosen; hello has none', () => {
    const { onRun, runtime } = launcher(SUPPORT)
    expect(runtime).toHaveValue('node')
    expect(runtime).toBeEnabled()
    fireEvent.change(runtime, { target: { value: 'cpython' } })
    fireEvent.click(screen.getByRole('button', { name: 'Run' }))
    expect(onRun).toHaveBeenLastCalledWith('queue', {}, 'cpython')
    fireEvent.click(screen.getByRole('option', { name: 'hello' }))
    expect(screen.getByRole('combobox', { name: 'Runtime' })).toBeDisabled()
    expect(screen.getByRole('combobox', { name: 'Runtime' })).toHaveAccessibleDescription(
      'This scenario has no lesson in Python.'
    )
    fireEvent.click(screen.getByRole('button', { name: 'Run' }))
    expect(onRun).toHaveBeenLastCalledWith('hello', {}, 'node')
  })

  it('no Python found: CPython is disabled with what the host tried, and a run stays on Node', () => {
    const error = 'no usable Python 3.8+ found; tried: python3 (not on PATH)'
    const { onRun, runtime } = launcher({ ...SUPPORT, python: { error } })
    expect(runtime).toBeDisabled()
    expect(runtime).toHaveAccessibleDescription(`CPython is not available: ${error}`)
    expect(screen.getByRole('option', { name: /real CPython/ })).toBeDisabled()
    fireEvent.click(screen.getByRole('button', { name: 'Run' }))
    expect(onRun).toHaveBeenLastCalledWith('queue', {}, 'node')
  })

  it("a host that starts no programs: disabled with the host's sentence; before it answers: says it asks", () => {
    const refused = 'this host does not start programs: start serve with --allow-programs'
    const { runtime } = launcher({ ...SUPPORT, refused })
    expect(runtime).toBeDisabled()
    expect(runtime).toHaveAccessibleDescription(refused)
  })

  it('before the host answers: disabled, saying so', () => {
    const { runtime } = launcher(null)
    expect(runtime).toBeDisabled()
    expect(runtime).toHaveAccessibleDescription('Asking the host whether it has Python…')
  })
})
