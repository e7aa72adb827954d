// The host's check of what children send (see protocol.ts for the messages themselves).
import { z } from 'zod'
import { ErrorInfoSchema } from '../../shared/events'
import type { ChildMessage } from './protocol'

export const ChildMessageSchema: z.ZodType<ChildMessage> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number().int(), ppid: z.number().int() }),
  z.object({ type: z.literal('result'), value: z.unknown() }),
  z.object({ type: z.literal('error'), error: ErrorInfoSchema })
])
