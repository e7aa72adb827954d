import { describe, expect, it } from 'vitest'
import { expectHealthyRun, runScenario } from '../../../../../test/core/scenarios/runScenario'

describe('scenario: pipe', () => {
  it('defaults: "Hello World" crosses from the sender child to the receiver child', async () => {
    const r = await runScenario('pipe')
    expectHealthyRun(r)
    const [receiver] = r.events.filter((e) => e.type === 'proc.spawn' && e.role === 'receiver')
    const printed = r.events.filter(
      (e) => e.type === 'stdout' && e.pid === (receiver?.type === 'proc.spawn' && receiver.pid)
    )
    expect(printed.map((e) => (e.type === 'stdout' ? e.text : ''))).toEqual([
      'received: Hello World\n'
    ])
    console.log(`pipe defaults: ${r.ms.toFixed(0)} ms`)
  })

  it('count=50 with a longer message, and slow motion (pace=2) with count=2', async () => {
    const many = await runScenario('pipe', { count: 50, message: 'ping '.repeat(40) })
    expectHealthyRun(many)
    expect(many.run.result).toMatchObject({ received: 50, allMatch: true })
    const slow = await runScenario('pipe', { count: 2, pace: 2 })
    expectHealthyRun(slow)
    const sends = slow.events.filter((e) => e.type === 'pipe.send').map((e) => e.t)
    expect(sends[1]! - sends[0]!).toBeGreaterThan(300) // 200 ms × pace between sends
  })
})
