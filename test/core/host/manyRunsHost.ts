// A host for the 50-runs test: starts and stops runs back to back, then reports its memory
// (after GC) before and after, and the PIDs its runs spawned. Run with --expose-gc.
import { PoolScopeService } from '../../../src/main/core/host/PoolScopeService'

const runs = Number(process.argv[2] ?? 50)
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')

function memory(): { rss: number; heapUsed: number } {
  gc!()
  const m = process.memoryUsage()
  return { rss: m.rss, heapUsed: m.heapUsed }
}

async function main(): Promise<void> {
  const service = new PoolScopeService()
  const pids: number[] = []
  const once = async (i: number): Promise<void> => {
    const run = service.startRun('hello', { pace: i % 2 ? 0.1 : 2 })
    if (i % 2 === 0) {
      // stop mid-way: once the child exists
      while (!run.events.slice().some((e) => e.type === 'proc.spawn'))
        await new Promise((r) => setTimeout(r, 10))
      await run.stop()
    } else await run.done
    for (const e of run.events) if (e.type === 'proc.spawn') pids.push(e.pid)
    if (run.status !== (i % 2 ? 'finished' : 'stopped'))
      throw new Error(`run ${i} ended ${run.status}`)
  }
  await once(-1) // warm-up: module loading and first-use caches are not growth
  await once(0)
  const before = memory()
  for (let i = 1; i <= runs; i++) await once(i)
  const after = memory()
  await service.shutdown()
  process.stdout.write(JSON.stringify({ before, after, pids }) + '\n')
}

void main()
