// `queue` (the tutorial's sample_queue): N senders put one greeting each on one Queue; the host
// gets `reads` of them and prints them. By default 2 of 3 are read, so one stays unread. With
// maxsize > 0 a full queue blocks put; where Python would then hang (more unread messages than
// room), the host closes the queue at the end and the blocked senders give up, visibly.
import { findScenario } from '../../../../shared/scenarios'
import type { Process } from '../../primitives/Process'
import type { ScenarioContext, ScenarioProgram } from '../ScenarioProgram'
import {
  check,
  eventsOf,
  exitedCleanly,
  hostPrint,
  mark,
  slowOnly,
  spawned
} from '../kit/verdictKit'

const QUEUE = 'queue'

/** What the parameters lead to: reads that find a message, messages left, senders left blocked. */
export function expectedQueueOutcome(senders: number, reads: number, maxsize: number) {
  const read = Math.min(reads, senders)
  const unread = senders - read
  const left = maxsize > 0 ? Math.min(unread, maxsize) : unread
  return { read, left, blocked: unread - left }
}

/** Waits (polling the host-owned queue, no child involved) until `done()` or the run stops. */
async function until(ctx: ScenarioContext, done: () => boolean): Promise<void> {
  while (!done()) {
    if (ctx.signal.aborted) throw new Error('run stopped')
    await new Promise((r) => setTimeout(r, 5))
  }
}

export const queueScenario: ScenarioProgram = {
  spec: findScenario('queue')!,

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

  verdict(events, _result, { hostPid, params }) {
    const n = Number(params.senders)
    const maxsize = Number(params.maxsize)
    const want = expectedQueueOutcome(n, Number(params.reads), maxsize)
    const senders = spawned(events, 'sender')
    const senderPids = new Set(senders.map((s) => s.pid))
    const puts = eventsOf(events, 'queue.put').filter((e) => e.queue === QUEUE)
    const gets = eventsOf(events, 'queue.get').filter((e) => e.queue === QUEUE)
    const depths = eventsOf(events, 'queue.depth').filter((e) => e.queue === QUEUE)
    const putWaits = eventsOf(events, 'queue.wait').filter(
      (e) => e.queue === QUEUE && e.op === 'put'
    )
    const peak = Math.max(0, ...depths.map((d) => d.depth))
    const final = depths.at(-1)?.depth ?? 0
    const checks = [
      check(
        `${n} sender processes, children of the host`,
        `송신 프로세스 ${n}개, 모두 호스트의 자식`,
        senders.length === n && senders.every((s) => s.ppid === hostPid),
        `${senders.length} senders, PPIDs ${[...new Set(senders.map((s) => s.ppid))].join(', ')} (host ${hostPid})`
      ),
      check(
        'every message put came from a sender',
        '큐에 들어간 메시지는 모두 송신 프로세스가 넣은 것',
        puts.length === n - want.blocked && puts.every((p) => senderPids.has(p.pid)),
        `${puts.length} put by ${new Set(puts.map((p) => p.pid)).size} senders${want.blocked ? `, ${want.blocked} gave up blocked` : ''}`
      ),
      check(
        'the queue depth rose to at least 1',
        '큐 깊이가 1 이상으로 올라감',
        peak >= 1,
        `peak depth ${peak}`
      ),
      check(
        `the host got ${want.read} message(s)`,
        `호스트가 메시지 ${want.read}개를 꺼냄`,
        gets.length === want.read && gets.every((g) => g.pid === hostPid),
        `${gets.length} got by the host${gets.length ? ` (messages #${gets.map((g) => g.msg).join(', #')} in that order)` : ''}`
      ),
      check(
        `${want.left} message(s) left unread at the end (final depth = puts − gets)`,
        `마지막에 읽지 않은 메시지 ${want.left}개가 남음 (최종 깊이 = put 수 − get 수)`,
        final === want.left && final === puts.length - gets.length,
        `final depth ${final}: ${puts.length} put − ${gets.length} got`
      ),
      exitedCleanly(events, senders, 'sender', '송신 프로세스')
    ]
    if (maxsize > 0) {
      const blockedPuts = puts.filter((p) => p.blocked)
      const name = `a full queue (maxsize ${maxsize}) blocked put`
      const ko = `가득 찬 큐(maxsize ${maxsize})에서 put이 막힘`
      checks.push(
        n > maxsize
          ? check(
              name,
              ko,
              putWaits.length > 0,
              `${putWaits.length} put(s) waited on a full queue; ${blockedPuts.length} went in once a get made room`
            )
          : check(
              name,
              ko,
              true,
              `${n} sender(s) cannot fill a queue of ${maxsize}`,
              'not-applicable'
            )
      )
    }
    return checks
  }
}
