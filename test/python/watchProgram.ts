// Test helper: watch a Python program (a file, or source written to a temporary file) to its
// end with a real interpreter, and hand back its run.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PoolScopeService } from '../../src/main/core/host/PoolScopeService'
import type { Python } from '../../src/main/core/python/findPython'
import { findPython } from '../../src/main/core/python/findPython'
import type { ProgramOptions } from '../../src/main/core/python/ProgramRun'
import { ProgramRun } from '../../src/main/core/python/ProgramRun'

let python: Python | undefined

/** python3 on PATH (resolved), once. */
export function defaultPython(): Python {
  return (python ??= findPython())
}

/** Writes `source` to a fresh temporary directory; the script's path. */
export function scriptFile(source: string, name = 'prog.py'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'poolscope-py-')), name)
  writeFileSync(file, source)
  return file
}

export interface Watched {
  run: ProgramRun
  service: PoolScopeService
}

/** Starts `args` under PoolScope (not awaited: `run.done` settles at its end). */
export function startProgram(args: string[], opts: Partial<ProgramOptions> = {}): Watched {
  const service = new PoolScopeService({ monitor: { liveHz: 10, idleHz: 1 } })
  const run = service
    .launch(
      (id, onEvent, monitor) =>
        new ProgramRun(
          id,
          { python: defaultPython(), args, label: 'test', ...opts },
          onEvent,
          monitor
        )
    )
    .start()
  return { run, service }
}

/** Watches `args` to its end; the service is shut down. */
export async function watchProgram(
  args: string[],
  opts: Partial<ProgramOptions> = {}
): Promise<ProgramRun> {
  const { run, service } = startProgram(args, opts)
  await run.done
  await service.shutdown()
  return run
}
