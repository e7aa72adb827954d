import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Process } from './Process'
import { recordEvents } from '../../../../test/core/primitives/recordEvents'

// A child that misbehaves on the channel before behaving: the host must log and carry on.
const ROGUE = `
const net = require('node:net')
const s = new net.Socket({ fd: 3, readable: true, writable: true })
s.write('not json\\n{"type":"result","id":"x"}\\n{"type":"q.get","req":1,"queue":"nope"}\\n')
s.write(JSON.stringify({ type: 'ready', pid: process.pid, ppid: process.ppid }) + '\\n')
let buf = ''
s.setEncoding('utf8')
s.on('data', (d) => {
  buf += d
  for (const line of buf.split('\\n').slice(0, -1)) {
    const m = JSON.parse(line)
    if (m.type === 'reply') process.stdout.write('reply: ' + m.error.message + '\\n')
    if (m.type === 'run') s.end(JSON.stringify({ type: 'result', id: m.id, value: 42 }) + '\\n', () => process.exit(0))
  }
  buf = buf.slice(buf.lastIndexOf('\\n') + 1)
})
`

// A child whose packed results cannot be read (3 bytes are no whole double).
const PACKED_WRONG = ROGUE.replace('value: 42 }', "value: 'AAAA', packed: 'f64' }").replace(
  /s\.write\('not json[^\n]*\n/,
  ''
)

let dir: string
let saved: string | undefined
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'poolscope-rogue-'))
  writeFileSync(join(dir, 'rogue.js'), ROGUE)
  writeFileSync(join(dir, 'packedWrong.js'), PACKED_WRONG)
  saved = process.env.POOLSCOPE_WORKER_ENTRY
  process.env.POOLSCOPE_WORKER_ENTRY = join(dir, 'rogue.js')
})
afterEach(() => {
  process.env.POOLSCOPE_WORKER_ENTRY = saved
  rmSync(dir, { recursive: true, force: true })
})

describe('ChildLink', () => {
  it('logs malformed child messages as events and does not crash the host', async () => {
    const rec = recordEvents()
    const p = new Process({ task: 'hello', sink: rec.sink })
    await p.start()
    await p.join()
    expect(p.result).toBe(42)
    expect(p.exitCode).toBe(0)
    const warnings = rec.of('log').map((e) => e.text)
    expect(warnings[0]).toMatch(/sent a malformed message \(not JSON\)/)
    expect(warnings[1]).toMatch(/sent a malformed message \(message\.id: /)
    // A request about an object the child was never given is refused, to the child.
    expect(
      rec
        .of('stdout')
        .map((e) => e.text)
        .join('')
    ).toMatch(/reply: pid \d+ used 'nope', which was never passed to it/)
  })

  it('fails the task, naming the pid, when its packed results cannot be read', async () => {
    process.env.POOLSCOPE_WORKER_ENTRY = join(dir, 'packedWrong.js')
    const p = new Process({ task: 'hello' })
    await p.start()
    await p.join()
    expect(p.error?.message).toMatch(
      /^pid \d+ sent unreadable results: packed f64 numbers: 3 bytes is not a whole number/
    )
  })
})
