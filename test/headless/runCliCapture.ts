// Runs the CLI in-process with its output captured (tests).
import { Writable } from 'node:stream'
import { runCli } from '../../src/main/headless/runCli'

function sink(): Writable & { text: string } {
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      w.text += chunk.toString()
      cb()
    }
  }) as Writable & { text: string }
  w.text = ''
  return w
}

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink()
  const err = sink()
  const code = await runCli(argv, out, err)
  return { code, out: out.text, err: err.text }
}
