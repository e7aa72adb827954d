// The PoolScope API as the renderer sees it, the same for every face: one ChannelClient over
// whichever port the face has.
import type { CommandOutputs, PoolScopeApi } from '../api'
import type { ClientPort } from './ChannelClient'
import { ChannelClient } from './ChannelClient'
import { COMMAND_NAMES } from './names'

export function createApi(port: ClientPort): PoolScopeApi {
  const client = new ChannelClient(port)
  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, (input?: unknown) => client.call(name, input)])
  ) as { [K in keyof CommandOutputs]: PoolScopeApi[K] }
  return {
    ...commands,
    subscribe: (listener) => client.subscribe(listener),
    connection: {
      get: () => client.state,
      onChange: (listener) => client.onStateChange(listener)
    }
  }
}
