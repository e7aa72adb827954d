// `queue` (the tutorial's sample_queue): N senders put one greeting each on one Queue; the host
// gets `reads` of them and prints them. By default 2 of 3 are read, so one stays unread. With
// maxsize > 0 a full queue blocks put; where Python would then hang (more unread messages than
// room), the host closes the queue at the end and the blocked senders give up, visibly.
import type { Process } from '../../primitives/Process'
import type { ScenarioContext, ScenarioProgram } from '../ScenarioProgram'
import { hostPrint, mark, slowOnly } from '../kit/programKit'
import { queueVerdict, QUEUE, expectedQueueOutcome } from './verdict'
import { queueTexts } from './texts'
import { spec } from './spec'

/** Waits (polling the host-owned queue, no child involved) until `done()` or the run stops. */
async function until(ctx: ScenarioContext, done: () => boolean): Promise<void> {
  while (!done()) {
    if (ctx.signal.aborted) throw new Error('run stopped')
    await new Promise((r) => setTimeout(r, 5))
  }
}

export const queueScenario: ScenarioProgram = {
  spec,

  async run(ctx) {
    const n = Number(ctx.params.senders)
    const reads = Number(ctx.params.reads)
    const maxsize = Number(ctx.params.maxsize)
    const q = ctx.queue({ name: QUEUE, maxsize })
    const senders: Process[] = []
    for (let i = 0; i < n; i++) {
      const p = ctx.process({
        task: 'greetOrGiveUp',
        args: [q, i, slowOnly(ctx, 150 * i)],
        name: `sender-${i}`,
        role: 'sender'
      })
      senders.push(p)
      await p.start()
    }
    let exited = 0
    const exits = senders.map((p) => p.join().then(() => void exited++))
    const allExited = Promise.all(exits)
    // Let the depth rise first: wait until the queue is as full as the senders can make it.
    const target = maxsize > 0 ? Math.min(n, maxsize) : n
    await until(ctx, () => q.qsize() >= target || exited === n)
    await ctx.pause(200)
    const got: unknown[] = []
    for (let i = 0; i < reads; i++) {
      const item = q.get()
      item.catch(() => {}) // a get still waiting when the queue closes at the end
      const r = await Promise.race([item.then((v) => ({ v })), allExited.then(() => null)])
      if (r === null && q.qsize() === 0) {
        mark(
          ctx,
          `host: read #${i + 1} finds nothing`,
          'every sender has exited and the queue is empty (Python would wait here forever)'
        )
        break
      }
      const v = r ? r.v : await item
      got.push(v)
      hostPrint(ctx, String(v))
      await ctx.pause(100)
    }
    const { blocked } = expectedQueueOutcome(n, reads, maxsize)
    await until(ctx, () => exited >= n - blocked)
    if (blocked > 0) {
      mark(
        ctx,
        `host: done reading; ${blocked} sender(s) still blocked on put (the queue is full)`,
        'Python would hang here; closing the queue so that they give up'
      )
      q.close()
    }
    await allExited
    mark(ctx, `host: ${q.qsize()} message(s) left unread in the queue`)
    await ctx.pause(200)
    return { got, left: q.qsize(), blockedSendersGaveUp: blocked }
  },
  verdict: queueVerdict,
  texts: queueTexts
}
