// The host's check of what a client sends on the channel, whatever the port.
import { z } from 'zod'
import type { ChannelRequest } from '../../shared/channel/messages'
import { COMMAND_NAMES } from '../../shared/channel/names'

export const ChannelRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('call'),
    id: z.number().int().nonnegative(),
    method: z.enum(COMMAND_NAMES),
    input: z.unknown().optional()
  }),
  z.strictObject({
    kind: z.literal('subscribe'),
    since: z.record(z.string(), z.number().int()).optional()
  }),
  z.strictObject({ kind: z.literal('unsubscribe') }),
  z.strictObject({ kind: z.literal('ack') })
])

// The schema and the shared type describe the same messages (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameShape: Same<z.infer<typeof ChannelRequestSchema>, ChannelRequest> = true
void sameShape
