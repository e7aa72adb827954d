// Unit tests fork real children: build the child entry once per test run so that they always
// run the current source, and point the core at it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'poolscope-worker-'))
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: resolve('src/main/core/child/worker.ts'),
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'worker.js' } }
    }
  })
  process.env.POOLSCOPE_WORKER_ENTRY = join(dir, 'worker.js')
  return () => rmSync(dir, { recursive: true, force: true })
}
