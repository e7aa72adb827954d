import { describe, expect, it } from 'vitest'
import { openPipe } from './Pipe'
import { Process } from './Process'
import { recordEvents } from '../../../../test/core/primitives/recordEvents'

describe('Pipe', () => {
  it('carries a message from one child to another; both ends report to the host', async () => {
    const rec = recordEvents()
    const [a, b] = await openPipe({ name: 'p', sink: rec.sink })
    const receiver = new Process({ task: 'pipeRecv', args: [a], sink: rec.sink })
    const sender = new Process({ task: 'pipeSend', args: [b, 'Hello World'], sink: rec.sink })
    await Promise.all([receiver.start(), sender.start()])
    await Promise.all([receiver.join(), sender.join()])
    expect(receiver.result).toEqual(['Hello World'])
    const [send] = rec.of('pipe.send')
    const [recv] = rec.of('pipe.recv')
    expect(send).toMatchObject({ pipe: 'p', pid: sender.pid, msg: 1 })
    expect(recv).toMatchObject({ pipe: 'p', pid: receiver.pid, msg: 1, bytes: send!.bytes })
    expect(rec.of('pipe.close').map((e) => e.pid)).toContain(sender.pid)
    expect(rec.of('stdout').find((e) => e.pid === receiver.pid)?.text).toBe(
      'received: Hello World\n'
    )
  })

  it('the other end sees the close: recv rejects with EOFError once drained', async () => {
    const [mine, theirs] = await openPipe()
    const sender = new Process({ task: 'pipeSend', args: [theirs, { n: 1 }, 2] })
    await sender.start()
    expect(await mine.recv()).toEqual({ n: 1 })
    expect(await mine.recv()).toEqual({ n: 1 })
    await expect(mine.recv()).rejects.toMatchObject({ name: 'EOFError' })
    await sender.join()
    mine.close()
  })

  it('round trips between the host and a child (duplex)', async () => {
    const rec = recordEvents()
    const [mine, theirs] = await openPipe({ sink: rec.sink })
    const echo = new Process({ task: 'pipeEcho', args: [theirs], sink: rec.sink })
    await echo.start()
    for (let i = 0; i < 5; i++) {
      mine.send({ i })
      expect(await mine.recv()).toEqual({ i })
    }
    mine.close()
    await echo.join()
    expect(echo.result).toBe(5)
    // A child's counts come in batches: together they cover the five sends, in order.
    const sends = rec.of('pipe.send').filter((e) => e.pid === echo.pid)
    expect(sends.reduce((n, e) => n + (e.count ?? 1), 0)).toBe(5)
    expect(sends.at(-1)?.msg).toBe(5)
  })

  it('a simplex pipe has a receiving end and a sending end', async () => {
    const [r, w] = await openPipe({ duplex: false })
    expect(() => r.send('x')).toThrow(/only receives/)
    expect(() => w.recv()).toThrow(/only sends/)
    w.send('one way')
    expect(await r.recv()).toBe('one way')
    r.close()
    w.close()
  })

  it('an end goes to one process only', async () => {
    const [a, b] = await openPipe({ name: 'once' })
    const p = new Process({ task: 'pipeRecv', args: [a, 1, false] })
    await p.start()
    const q = new Process({ task: 'pipeRecv', args: [a] })
    await expect(q.start()).rejects.toThrow(/already passed to pid/)
    b.send('x')
    await p.join()
    await q.join()
    b.close()
  })
  it("a child's send after the other end is gone fails with BrokenPipeError (not into the void)", async () => {
    const [mine, theirs] = await openPipe()
    const sender = new Process({ task: 'pipeSendSlowly', args: [theirs, 'x', 1000, 20] })
    await sender.start()
    expect(await mine.recv()).toBe('x')
    mine.close()
    await sender.join()
    expect(sender.error).toMatchObject({ name: 'BrokenPipeError' })
    expect(sender.died).toBe(false)
  })
  it("the host's send after the other end is gone fails with BrokenPipeError", async () => {
    const [mine, theirs] = await openPipe()
    const receiver = new Process({ task: 'pipeRecv', args: [theirs, 1, false] })
    await receiver.start()
    mine.send('only one')
    await receiver.join()
    expect(receiver.result).toEqual(['only one'])
    await expect(mine.recv()).rejects.toMatchObject({ name: 'EOFError' })
    expect(() => mine.send('into the void')).toThrow(
      expect.objectContaining({ name: 'BrokenPipeError' })
    )
    mine.close()
  })

  it('a stream of many messages arrives whole and in order; the counted bytes are exact', async () => {
    const rec = recordEvents()
    const [mine, theirs] = await openPipe({ name: 's', duplex: false, sink: rec.sink })
    // Multi-byte characters, an escaped newline, a quote: bytes differ from characters.
    const message = { text: 'é😀 line\nbreak "q"', n: [1.5, -2] }
    const n = 5000
    const sender = new Process({ task: 'pipeSend', args: [theirs, message, n], sink: rec.sink })
    await sender.start()
    for (let i = 0; i < n; i++) expect(await mine.recv()).toEqual(message)
    await expect(mine.recv()).rejects.toMatchObject({ name: 'EOFError' })
    await sender.join()
    mine.close()
    await new Promise((r) => setImmediate(r)) // the host end's last count is reported next tick
    const lineBytes = Buffer.byteLength(JSON.stringify(message) + '\n')
    for (const [type, pid] of [
      ['pipe.send', sender.pid],
      ['pipe.recv', process.pid]
    ] as const) {
      const events = rec.of(type).filter((e) => e.pid === pid)
      expect(events.reduce((c, e) => c + (e.count ?? 1), 0)).toBe(n)
      expect(events.reduce((b, e) => b + e.bytes, 0)).toBe(n * lineBytes)
      expect(events.at(-1)?.msg).toBe(n)
    }
  })

  it("a child's send of what JSON cannot carry rejects; the pipe goes on", async () => {
    const [mine, theirs] = await openPipe()
    const p = new Process({ task: 'pipeSendOdd', args: [theirs] })
    await p.start()
    expect(await mine.recv()).toBe('before')
    expect(await mine.recv()).toBe('after')
    await p.join()
    expect(p.result).toBe('TypeError: message is not JSON-serialisable')
    mine.close()
  })
})
