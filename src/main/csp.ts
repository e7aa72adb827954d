// Builds the renderer's Content-Security-Policy texts from the one list in src/shared/csp.ts.
import {
  CSP_DIRECTIVES,
  CSP_PLACEHOLDER,
  HEADER_ONLY_DIRECTIVES,
  META_CONNECT_SRC
} from '../shared/csp'

/** The policy, with `connect` added to connect-src; `meta` leaves out header-only directives. */
export function cspText(connect: readonly string[] = [], meta = false): string {
  return CSP_DIRECTIVES.filter(([name]) => !meta || !HEADER_ONLY_DIRECTIVES.includes(name))
    .map(([name, value]) =>
      name === 'connect-src' && connect.length
        ? `${name} ${value} ${connect.join(' ')}`
        : `${name} ${value}`
    )
    .join('; ')
}

/** The Electron window's policy: its page talks to its own scheme only. */
export const ELECTRON_CSP = cspText()

/** Serve mode's policy: the page's WebSocket may reach this port and no other. */
export function serveCsp(port: number): string {
  return cspText([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`])
}

/** index.html with its meta tag's placeholder replaced (electron-vite's renderer build). */
export function injectCsp(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER))
    throw new Error(`index.html has no ${CSP_PLACEHOLDER} placeholder for the CSP`)
  return html.replace(CSP_PLACEHOLDER, cspText(META_CONNECT_SRC, true))
}
