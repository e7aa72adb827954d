// `pipe` (the tutorial's sample_pipe): a duplex Pipe joins two children; the sender sends the
// message `count` times and closes its end, the receiver prints what arrives until EOF. The
// bytes go from one child to the other through the socket pair; the host only gets notes.
import { rootError } from '../../primitives/Process'
import type { ScenarioProgram } from '../ScenarioProgram'
import { hostPrint, slowOnly } from '../kit/programKit'
import { pipeVerdict, PIPE } from './verdict'
import { pipeTexts } from './texts'
import { spec } from './spec'

/** Above this many messages the receiver does not print each one (the console stays usable). */
const PRINT_MAX = 1000

export const pipeScenario: ScenarioProgram = {
  spec,

  async run(ctx) {
    const message = String(ctx.params.message)
    const count = Number(ctx.params.count)
    const [a, b] = await ctx.pipe({ name: PIPE })
    const receiver = ctx.process({
      task: 'pipeRecv',
      args: [a, count, count <= PRINT_MAX],
      name: 'receiver',
      role: 'receiver'
    })
    await receiver.start()
    await ctx.pause(200)
    const gap = slowOnly(ctx, 200)
    const sender = ctx.process({
      task: gap > 0 ? 'pipeSendSlowly' : 'pipeSend',
      args: gap > 0 ? [b, message, count, gap] : [b, message, count, true],
      name: 'sender',
      role: 'sender'
    })
    await sender.start()
    await Promise.all([sender.join(), receiver.join()])
    const failed = rootError([sender, receiver])
    if (failed) throw failed
    const got = receiver.result as unknown[]
    const allMatch = got.length === count && got.every((m) => m === message)
    hostPrint(
      ctx,
      `receiver (pid ${receiver.pid}) got ${got.length} message(s) from pid ${sender.pid}`
    )
    await ctx.pause(200)
    return { sender: sender.pid, receiver: receiver.pid, received: got.length, allMatch }
  },
  verdict: pipeVerdict,
  texts: pipeTexts
}
