// `pipe-vs-queue`: the tutorial says a Pipe is several times faster than a Queue. The same
// stream of messages goes from one child to another through a Pipe (bytes straight between
// the children), then through a Queue (owned by the host, which every put and get crosses).
// Rates come from the run's own events; the tutorial's claim is reported as observed or not.
// `pace` stretches the pauses between the steps only: the streams themselves run at full speed.
import { rootError } from '../../primitives/Process'
import type { Process } from '../../primitives/Process'
import type { Queue } from '../../primitives/Queue'
import type { ScenarioContext, ScenarioProgram } from '../ScenarioProgram'
import { hostPrint, mark } from '../kit/programKit'
import { pipeVsQueueVerdict, PIPE, QUEUE } from './verdict'
import { pipeVsQueueTexts } from './texts'
import { spec } from './spec'

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
  spec,

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
  verdict: pipeVsQueueVerdict,
  texts: pipeVsQueueTexts
}
