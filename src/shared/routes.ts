// The host's HTTP routes for traces, the same on every face (serve mode's loopback server and the
// Electron window's poolscope:// scheme): a trace never travels as one API message.
/** GET (or HEAD) `?run=ID&format=native|chrome|csv`: an ended run's trace, streamed. */
export const EXPORT_PATH = '/api/export'
/** POST `?name=FILE` with the file as the body: opens a saved trace, answers its RunInfo. */
export const OPEN_PATH = '/api/open'
/** Query parameter carrying serve mode's per-start token (the Electron scheme needs none). */
export const TOKEN_PARAM = 'token'
