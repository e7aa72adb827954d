// `pipe-vs-queue`: the tutorial says a Pipe is several times faster than a Queue. The same
// stream of messages goes from one child to another through a Pipe (bytes straight between
// the children), then through a Queue (owned by the host, which every put and get crosses).
// Rates come from the run's own events; the tutorial's claim is reported as observed or not.
// `pace` stretches the pauses between the steps only: the streams themselves run at full speed.
import type { RunEvent } from '../../../../shared/events'
import type { EventList } from '../../session/EventList'
import { findScenario } from '../../../../shared/scenarios'
import { rootError } from '../../primitives/Process'
import type { Process } from '../../primitives/Process'
import type { Queue } from '../../primitives/Queue'
import type { ScenarioContext, ScenarioProgram } from '../ScenarioProgram'
import {
  check,
  eventsOf,
  exitedCleanly,
  hostPrint,
  mark,
  markTime,
  messagesOf,
  spawned
} from '../kit/verdictKit'

const PIPE = 'stream-pipe'
const QUEUE = 'stream-queue'
const CLAIM = 2

/** Both ends are started first; the sender waits at a start gate so that process start-up
 *  stays out of the measurement, which runs from the gate opening to the last receive. */
async function stream(
  ctx: ScenarioContext,
  what: 'pipe' | 'queue',
  gate: Queue,
  receiver: Process,
  sender: Process
) {
  await Promise.all([receiver.start(), sender.start()])
  await ctx.pause(200)
  mark(ctx, `${what} stream begins`)
  await gate.put('go')
  await Promise.all([sender.join(), receiver.join()])
  const failed = rootError([sender, receiver])
  if (failed) throw failed
  mark(ctx, `${what} stream ends`, `${String(receiver.result)} messages received`)
  return receiver.result as number
}

export const pipeVsQueueScenario: ScenarioProgram = {
  spec: findScenario('pipe-vs-queue')!,

  async run(ctx) {
    const n = Number(ctx.params.messages)
    const bytes = Number(ctx.params.bytes)
    const gate = ctx.queue({ name: 'start-gate' })
    const sender = (name: string, args: unknown[]): Process =>
      ctx.process({ task: 'gated', args: [gate, ...args], name, role: 'sender' })
    const receiver = (name: string, task: string, args: unknown[]): Process =>
      ctx.process({ task, args, name, role: 'receiver' })
    const [rx, tx] = await ctx.pipe({ name: PIPE, duplex: false })
    const viaPipe = await stream(
      ctx,
      'pipe',
      gate,
      receiver('pipe-receiver', 'pipeCount', [rx, n]),
      sender('pipe-sender', ['pipeSendMany', tx, n, bytes])
    )
    await ctx.pause(500)
    const q = ctx.queue({ name: QUEUE })
    const viaQueue = await stream(
      ctx,
      'queue',
      gate,
      receiver('queue-getter', 'takeMany', [q, n]),
      sender('queue-putter', ['putMany', q, n, bytes])
    )
    hostPrint(ctx, `${viaPipe} messages through the pipe, ${viaQueue} through the queue`)
    await ctx.pause(200)
    return { messages: n, bytes, viaPipe, viaQueue }
  },

  verdict(events, _result, { params }) {
    const n = Number(params.messages)
    const receivers = spawned(events, 'receiver')
    const senders = spawned(events, 'sender')
    const pipe = rate(events, 'pipe', 'pipe.send', 'pipe.recv', PIPE)
    const queue = rate(events, 'queue', 'queue.put', 'queue.get', QUEUE)
    const ratio = pipe.perSecond / queue.perSecond
    const measured = Number.isFinite(ratio) && ratio > 0
    const show = (r: Rate): string =>
      `${r.got} of ${n} (${r.put} sent) in ${r.ms.toFixed(1)} ms: ${Math.round(r.perSecond)} msg/s`
    return [
      check(
        `all ${n} messages crossed the pipe`,
        `메시지 ${n}개가 모두 파이프를 건넘`,
        pipe.put === n && pipe.got === n,
        show(pipe)
      ),
      check(
        `all ${n} messages crossed the queue`,
        `메시지 ${n}개가 모두 큐를 건넘`,
        queue.put === n && queue.got === n,
        show(queue)
      ),
      check(
        'messages per second measured for both; the ratio as observed',
        '양쪽의 초당 메시지 수를 측정하고, 관찰된 비율을 그대로 보고',
        measured,
        `pipe ${Math.round(pipe.perSecond)} msg/s, queue ${Math.round(queue.perSecond)} msg/s: pipe/queue = ${ratio.toFixed(2)}×`
      ),
      check(
        `the tutorial's claim: a Pipe is several times (≥ ${CLAIM}×) faster than a Queue`,
        `튜토리얼의 주장: Pipe가 Queue보다 몇 배(${CLAIM}배 이상) 빠름`,
        true,
        measured && ratio >= CLAIM
          ? `observed: the pipe was ${ratio.toFixed(2)}× as fast`
          : `not observed this time: pipe/queue = ${ratio.toFixed(2)}× on this machine`,
        measured && ratio >= CLAIM ? undefined : 'not-observed'
      ),
      exitedCleanly(events, [...receivers, ...senders], 'stream process', '스트림 프로세스')
    ]
  }
}

interface Rate {
  put: number
  got: number
  ms: number
  perSecond: number
}

/** Messages received per second, from the gate opening to the last receive (host clock). */
function rate(
  events: EventList,
  what: 'pipe' | 'queue',
  sendType: 'pipe.send' | 'queue.put',
  recvType: 'pipe.recv' | 'queue.get',
  name: string
): Rate {
  const mine = (e: RunEvent): boolean =>
    ('pipe' in e && e.pipe === name) || ('queue' in e && e.queue === name)
  const sends = eventsOf(events, sendType).filter(mine)
  const recvs = eventsOf(events, recvType).filter(mine)
  const got = messagesOf(recvs)
  const ms = (recvs.at(-1)?.t ?? NaN) - (markTime(events, `${what} stream begins`) ?? NaN)
  return { put: messagesOf(sends), got, ms, perSecond: (got / ms) * 1000 }
}
