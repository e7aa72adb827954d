// Test fixture: a PoolScope host that starts a pool and a process, prints their PIDs as one
// JSON line, and waits to be killed (child/orphans.test.ts SIGKILLs it).
import { ProcessPool } from '../../../src/main/core/pool/ProcessPool'
import { Process } from '../../../src/main/core/primitives/Process'

async function main(): Promise<void> {
  const pool = new ProcessPool({ processes: 2 })
  await pool.ready()
  const proc = new Process({ task: 'wait', args: [600_000] })
  await proc.start()
  process.stdout.write(JSON.stringify({ pids: [...pool.pids(), proc.pid] }) + '\n')
  setInterval(() => {}, 60_000)
}

void main()
