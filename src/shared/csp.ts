// The renderer's one Content-Security-Policy, for every face: index.html's meta tag (injected at
// build time), the Electron scheme's responses and serve mode's headers are all built from it
// (src/main/csp.ts); a face only adds the endpoints its page may connect to.
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"]
]

/** Ignored (with a console warning) in a meta tag: sent as a header only. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors']

/** The meta tag's extra connect sources: the page is served on a port only known at run time,
 *  and the header of that response narrows this to the one port (both policies apply). */
export const META_CONNECT_SRC: readonly string[] = ['ws://127.0.0.1:*', 'ws://localhost:*']

/** Placeholder in src/renderer/index.html, replaced by the policy at build time. */
export const CSP_PLACEHOLDER = '%POOLSCOPE_CSP%'
