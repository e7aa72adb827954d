// Names of the API's commands and the one Electron IPC channel the API travels on. Free of
// dependencies, because the sandboxed preload can load nothing but its own bundle and 'electron'.
export const COMMAND_NAMES = [
  'listScenarios',
  'checkTexts',
  'listRuns',
  'startRun',
  'stopRun',
  'killProcess',
  'exportRun',
  'openTrace',
  'systemSnapshot',
  'processDetails',
  'signalProcess',
  'attachProcess',
  'programSupport',
  'watchProgram',
  'pickPath'
] as const
export type CommandName = (typeof COMMAND_NAMES)[number]

/** Every channel message (ChannelRequest one way, ChannelResponse the other) goes on this. */
export const IPC_CHANNEL = 'poolscope:channel'
