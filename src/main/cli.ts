// The headless host: `npm run poolscope -- <command>`. Same core as the Electron app.
import { runCli } from './headless/runCli'

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`poolscope: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 3
  }
)
