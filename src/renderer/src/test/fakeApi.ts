// A PoolScopeApi for component tests: every command is a vi.fn with a sensible answer, and
// `emit` pushes a batch to the subscribers as the host would.
import { TEST_CHECK_TEXTS } from './fixtures/checkTexts'
import { vi } from 'vitest'
import type { BatchListener, ConnectionState, PoolScopeApi, RunInfo } from '../../../shared/api'
import type { EventBatch, RunEvent } from '../../../shared/events'
import { CATALOGUE } from './fixtures/catalogue'

export function runInfo(id: string, over: Partial<RunInfo> = {}): RunInfo {
  return {
    id,
    scenario: 'hello',
    params: {},
    status: 'running',
    startedAt: 0,
    hostPid: 1000,
    kind: 'scenario',
    replay: false,
    ...over
  }
}

export function fakeApi() {
  const listeners = new Set<BatchListener>()
  const seq = new Map<string, number>()
  let state: ConnectionState = 'connected'
  const stateListeners = new Set<(s: ConnectionState) => void>()
  const api = {
    listScenarios: vi.fn(async () => [...CATALOGUE]),
    checkTexts: vi.fn(async () => TEST_CHECK_TEXTS),
    listRuns: vi.fn(async (): Promise<RunInfo[]> => []),
    startRun: vi.fn(async (input: { scenario: string }) => runInfo('run-1', input)),
    stopRun: vi.fn(async (input: { runId: string }) => runInfo(input.runId, { status: 'stopped' })),
    killProcess: vi.fn(async (input: { pid: number; signal: string }) => input),
    exportRun: vi.fn(async (input: { runId: string; format: string }) => ({
      fileName: `${input.runId}.${input.format}.json`,
      mime: 'application/json',
      content: '{"x":1}'
    })),
    openTrace: vi.fn(async () => runInfo('run-9', { replay: true, status: 'finished' })),
    programSupport: vi.fn(async () => ({
      refused: null,
      python: { executable: '/usr/bin/python3.11', version: '3.11.2' },
      picker: false,
      lessons: ['queue', 'pipe']
    })),
    watchProgram: vi.fn(async () =>
      runInfo('run-7', { kind: 'program', scenario: 'prog.py', params: {} })
    ),
    pickPath: vi.fn(async () => ({ path: null as string | null })),
    subscribe: vi.fn((l: BatchListener) => {
      listeners.add(l)
      return () => listeners.delete(l)
    }),
    connection: {
      get: (): ConnectionState => state,
      onChange: (l: (s: ConnectionState) => void) => {
        stateListeners.add(l)
        return () => void stateListeners.delete(l)
      }
    }
  }
  /** Moves the connection to `next`, as a port would. */
  const setConnection = (next: ConnectionState): void => {
    state = next
    stateListeners.forEach((l) => l(next))
  }
  const emit = (runId: string, events: RunEvent[]): void => {
    const n = (seq.get(runId) ?? -1) + 1
    seq.set(runId, n)
    const batch: EventBatch = { runId, seq: n, events }
    listeners.forEach((l) => l(batch))
  }
  /** The host's notice that it let `runId` go (after the run's last batch). */
  const forget = (runId: string): void => {
    const batch: EventBatch = {
      runId,
      seq: (seq.get(runId) ?? -1) + 1,
      events: [],
      forgotten: true
    }
    listeners.forEach((l) => l(batch))
  }
  return { api: api as unknown as PoolScopeApi, mock: api, emit, forget, setConnection }
}
