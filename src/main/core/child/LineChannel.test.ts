import { once } from 'node:events'
import { createConnection, createServer } from 'node:net'
import type { Socket } from 'node:net'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { LineChannel, toJson } from './LineChannel'

let sockets: Socket[] = []
afterEach(() => {
  for (const s of sockets) s.destroy()
  sockets = []
})

/** A connected pair of sockets in this process (as a Pipe's). */
async function socketPair(): Promise<[Socket, Socket]> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  const client = createConnection({ port, host: '127.0.0.1' })
  const [accepted] = (await once(server, 'connection')) as [Socket]
  server.close()
  sockets.push(client, accepted)
  return [client, accepted]
}

/** Writes `bytes` in two writes cut at `at`, the second after the reader got the first. */
async function writeCut(writer: Socket, reader: Socket, bytes: Buffer, at: number): Promise<void> {
  const got = once(reader, 'data')
  writer.write(bytes.subarray(0, at))
  await got
  writer.write(bytes.subarray(at))
}

const MESSAGES = ['line\nbreak', { text: 'é😀 "q" \\n' }, 42]
const WIRE = Buffer.from(MESSAGES.map((m) => JSON.stringify(m) + '\n').join(''))
/** Cuts inside é and 😀 (multi-byte), inside an escaped \n, right before and after a newline. */
const CUTS = [
  WIRE.indexOf('é') + 1,
  WIRE.indexOf('😀') + 2,
  WIRE.indexOf('\\n') + 1,
  WIRE.indexOf('\n'),
  WIRE.indexOf('\n') + 1,
  3
]

describe('LineChannel', () => {
  it('gives each line whole however the bytes are cut (one line at a time)', async () => {
    for (const at of CUTS) {
      const [w, r] = await socketPair()
      const lines: string[] = []
      new LineChannel(r, (line) => lines.push(line))
      const all = new Promise<void>((done) => r.on('data', () => lines.length === 3 && done()))
      await writeCut(w, r, WIRE, at)
      await all
      expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(MESSAGES)
    }
  })

  it('gives a lines reader the whole lines of each read, cut anywhere', async () => {
    for (const at of CUTS) {
      const [w, r] = await socketPair()
      const texts: string[] = []
      new LineChannel(r, { lines: (text) => texts.push(text) })
      const all = new Promise<void>((done) =>
        r.on('data', () => texts.join('').split('\n').length === 4 && done())
      )
      await writeCut(w, r, WIRE, at)
      await all
      expect(texts.every((t) => t.endsWith('\n'))).toBe(true)
      expect(texts.join('')).toBe(WIRE.toString('utf8'))
    }
  })

  it('sends what one tick queued in one write, each message on its own line', async () => {
    const [w, r] = await socketPair()
    const lines: string[] = []
    new LineChannel(r, (line) => lines.push(line))
    const ch = new LineChannel(w, () => {})
    for (const m of MESSAGES) ch.send(m)
    ch.sendLine('"raw"')
    await new Promise<void>((done) => r.on('data', () => lines.length === 4 && done()))
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([...MESSAGES, 'raw'])
  })

  it('toJson writes exactly what JSON.stringify writes (plain ASCII strings take a shortcut)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }), // lone surrogates, control characters
          fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u007f', 'é', ' ') }),
          fc.jsonValue()
        ),
        (v) => {
          expect(toJson(v)).toBe(JSON.stringify(v))
        }
      ),
      { numRuns: 2000 }
    )
    expect(toJson(undefined)).toBeUndefined()
  })
})
