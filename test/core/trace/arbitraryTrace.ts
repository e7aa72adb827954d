// SYNTHETIC traces for property tests: any schema-valid event list, however odd (processes
// never spawned, exits before their tasks end, gets without puts, overlapping or repeated
// tasks, waits that never end, control characters and lone surrogates in strings).
import fc from 'fast-check'
import type { RunEvent, UnstampedEvent } from '../../../src/shared/events'
import type { NativeTrace } from '../../../src/shared/trace'
import { SYNTHETIC_HOST_PID, syntheticTrace } from './syntheticTrace'

const pid = fc.constantFrom(SYNTHETIC_HOST_PID, 41, 42, 43)
const channel = fc.constantFrom('a', 'b', '\u001b[1mx', 'lone \ud800')
const msg = fc.integer({ min: 1, max: 4 })
const task = fc.integer({ min: 1, max: 4 })

export const arbitraryEvent: fc.Arbitrary<UnstampedEvent> = fc
  .oneof(
    fc.record({
      type: fc.constant('proc.spawn' as const),
      pid,
      ppid: fc.constant(SYNTHETIC_HOST_PID),
      name: fc.string(),
      role: fc.string()
    }),
    fc.record({
      type: fc.constant('proc.exit' as const),
      pid,
      code: fc.option(fc.integer()),
      signal: fc.option(fc.string())
    }),
    fc.record({
      type: fc.constantFrom('stdout' as const, 'stderr' as const),
      pid,
      text: fc.string()
    }),
    fc.record({
      type: fc.constantFrom('queue.put' as const, 'queue.get' as const),
      queue: channel,
      pid,
      msg
    }),
    fc.record({
      type: fc.constantFrom('queue.wait' as const, 'queue.timeout' as const),
      queue: channel,
      pid,
      op: fc.constantFrom('put' as const, 'get' as const)
    }),
    fc.record({
      type: fc.constant('queue.depth' as const),
      queue: channel,
      depth: fc.integer({ min: 0, max: 9 })
    }),
    fc.record({
      type: fc.constantFrom('pipe.send' as const, 'pipe.recv' as const),
      pipe: channel,
      pid,
      bytes: fc.nat(),
      msg,
      count: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined })
    }),
    fc.record({
      type: fc.constantFrom(
        'lock.wait' as const,
        'lock.acquire' as const,
        'lock.release' as const,
        'lock.timeout' as const
      ),
      lock: channel,
      pid,
      abandoned: fc.option(fc.boolean(), { nil: undefined })
    }),
    fc.record({ type: fc.constant('task.queued' as const), task, name: fc.string() }),
    fc.record({ type: fc.constant('task.start' as const), task, worker: pid }),
    fc.record({ type: fc.constant('task.end' as const), task, worker: pid, ok: fc.boolean() }),
    fc.record({
      type: fc.constant('sample' as const),
      cores: fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true })), { maxLength: 3 }),
      procs: fc.array(
        fc.record({
          pid,
          cpu: fc.option(fc.double({ min: 0, max: 400, noNaN: true })),
          rss: fc.nat()
        }),
        { maxLength: 3 }
      )
    })
  )
  .map((e) => JSON.parse(JSON.stringify(e)) as UnstampedEvent) // drop undefined fields, as a file would

/** A valid trace: run.start, then up to `maxEvents` arbitrary events in time order. */
export function arbitraryTrace(maxEvents = 60): fc.Arbitrary<NativeTrace> {
  return fc
    .array(fc.tuple(arbitraryEvent, fc.integer({ min: 0, max: 3 })), { maxLength: maxEvents })
    .map((list) => {
      const base = syntheticTrace(0)
      let t = 0
      const events = list.map(([e, dt]) => ({ ...e, t: (t += dt / 4) }) as RunEvent)
      return { ...base, events: [base.events[0]!, ...events] }
    })
}
