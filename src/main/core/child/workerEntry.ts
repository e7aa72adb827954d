import { join } from 'node:path'

/** The worker bundle sits beside the host bundle (out/main); tests point elsewhere by env. */
export function workerEntry(): string {
  return process.env.POOLSCOPE_WORKER_ENTRY ?? join(__dirname, 'worker.js')
}
