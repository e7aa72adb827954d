import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../shared/events'
import { plainPrinter } from './formatEvent'

const sample = (t: number): RunEvent => ({
  t,
  type: 'sample',
  cores: [50, null],
  procs: [
    { pid: 10, cpu: 2, rss: 1 },
    { pid: 11, cpu: 99.6, rss: 1 },
    { pid: 12, cpu: null, rss: 1 }
  ]
})

describe('plainPrinter', () => {
  it('prints every event but thins samples to one a second', () => {
    const print = plainPrinter()
    const lines = [
      sample(0),
      sample(100),
      { t: 150, type: 'proc.ready', pid: 11 } as RunEvent,
      sample(999),
      sample(1000)
    ].map(print)
    expect(lines[0]).toBe('      0.0 ms  cpu    cores 50% –  host 2%  2 children 100%')
    expect(lines[1]).toBeNull()
    expect(lines[2]).toContain('proc.ready')
    expect(lines[3]).toBeNull()
    expect(lines[4]).toContain('1000.0 ms  cpu')
  })
})
