// The stream.events benchmark's source: a run that emits a realistic mix of events (output,
// queue, task and lock events of 4 real worker processes, plus the sampler's own samples) at
// a fixed rate, through the real Run → Batcher → WsSession path. It runs under hello's spec,
// so the real UI can start it with its Run button.
import type { UnstampedEvent } from '../src/shared/events'
import type { ScenarioProgram } from '../src/main/core/scenarios/ScenarioProgram'
import { hello } from '../src/main/core/scenarios/hello/program'

const WORKERS = 4

export interface FloodResult {
  emitted: number
  /** Host-side wall time the emission took, s. */
  seconds: number
}

function floodEvent(i: number, pids: readonly number[]): UnstampedEvent {
  const pid = pids[i % pids.length]!
  switch (i % 10) {
    case 4:
      return { type: 'queue.put', queue: 'tasks', pid, msg: i }
    case 5:
      return { type: 'queue.get', queue: 'tasks', pid, msg: i - 1 }
    case 6:
      return { type: 'task.start', task: i, worker: pid }
    case 7:
      return { type: 'task.end', task: i - 1, worker: pid, ok: true }
    case 8:
      return { type: 'lock.acquire', lock: 'printer', pid }
    case 9:
      return { type: 'lock.release', lock: 'printer', pid }
    default:
      return { type: 'stdout', pid, text: `worker ${pid}: item ${i} done\n` }
  }
}

export function floodProgram(rate: number, seconds: number): ScenarioProgram {
  return {
    spec: hello.spec,
    async run(ctx): Promise<FloodResult> {
      const workers = Array.from({ length: WORKERS }, (_, i) =>
        ctx.process({
          task: 'hello',
          args: [(seconds + 30) * 1000],
          name: `worker-${i}`,
          role: 'worker'
        })
      )
      await Promise.all(workers.map((w) => w.start()))
      const pids = workers.map((w) => w.pid!)
      const total = Math.round(rate * seconds)
      const t0 = performance.now()
      for (let i = 0; i < total;) {
        // catch up with the rate about every millisecond
        const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate))
        for (; i < due; i++) ctx.emit(floodEvent(i, pids))
        await new Promise((r) => setTimeout(r, 1))
      }
      const result = { emitted: total, seconds: (performance.now() - t0) / 1000 }
      workers.forEach((w) => w.terminate())
      await Promise.all(workers.map((w) => w.join()))
      return result
    },
    verdict: () => [],
    texts: {}
  }
}
