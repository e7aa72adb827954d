import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
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

describe('ScenarioLauncher runtime', () => {
  it('runs a scenario as its CPython lesson when that runtime is chosen; hello has none', () => {
    const onRun = vi.fn()
    render(
      <ScenarioLauncher scenarios={SCENARIOS} running={false} onRun={onRun} onStop={() => {}} />
    )
    fireEvent.click(screen.getByRole('option', { name: 'queue' }))
    const runtime = screen.getByRole('combobox', { name: 'Runtime' })
    expect(runtime).toHaveValue('node')
    fireEvent.change(runtime, { target: { value: 'cpython' } })
    fireEvent.click(screen.getByRole('button', { name: 'Run' }))
    expect(onRun).toHaveBeenLastCalledWith('queue', {}, 'cpython')
    fireEvent.click(screen.getByRole('option', { name: 'hello' }))
    expect(screen.getByRole('combobox', { name: 'Runtime' })).toBeDisabled()
    fireEvent.click(screen.getByRole('button', { name: 'Run' }))
    expect(onRun).toHaveBeenLastCalledWith('hello', {}, 'node')
  })
})
