// Test helper: a 10 Hz Monitor closed after each test of the file that uses it.
import { afterEach } from 'vitest'
import { Monitor } from '../../../src/main/core/monitor/Monitor'

const monitors: Monitor[] = []
afterEach(async () => {
  await Promise.all(monitors.splice(0).map((m) => m.close()))
})

export function newMonitor(): Monitor {
  const m = new Monitor({ liveHz: 10 })
  monitors.push(m)
  return m
}
