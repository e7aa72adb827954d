// One CSP source for every face: index.html's meta tag (built), the Electron scheme, serve mode.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CSP_DIRECTIVES, CSP_PLACEHOLDER } from '../shared/csp'
import { cspText, ELECTRON_CSP, injectCsp, serveCsp } from './csp'

const directives = (text: string): Map<string, string> =>
  new Map(text.split('; ').map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]))

describe('the CSP', () => {
  it('is one list: every face has its directives, and differs only in connect-src', () => {
    const faces = [ELECTRON_CSP, serveCsp(5178), injectMeta()]
    for (const face of faces) {
      const d = directives(face)
      for (const [name, value] of CSP_DIRECTIVES) {
        if (name === 'frame-ancestors' && face === faces[2]) continue // header only
        if (name === 'connect-src') expect(d.get(name)).toMatch(/^'self'/)
        else expect([name, d.get(name)]).toEqual([name, value])
      }
    }
    expect(directives(ELECTRON_CSP).get('connect-src')).toBe("'self'")
    expect(directives(serveCsp(5178)).get('connect-src')).toBe(
      "'self' ws://127.0.0.1:5178 ws://localhost:5178"
    )
    expect(ELECTRON_CSP).not.toMatch(/unsafe-eval|\*/)
  })

  it('index.html carries the placeholder, replaced at build time by the meta text', () => {
    const html = readFileSync(resolve(__dirname, '../renderer/index.html'), 'utf8')
    expect(html).toContain(`content="${CSP_PLACEHOLDER}"`)
    expect(html).not.toContain('default-src') // no second, hand-written copy
    expect(injectCsp(html)).toContain(
      `content="${cspText(['ws://127.0.0.1:*', 'ws://localhost:*'], true)}"`
    )
    expect(() => injectCsp('<html></html>')).toThrow(/placeholder/)
  })

  it('the build plugin uses it (electron.vite.config.ts)', () => {
    const config = readFileSync(resolve(__dirname, '../../electron.vite.config.ts'), 'utf8')
    expect(config).toMatch(/transformIndexHtml: injectCsp/)
  })
})

function injectMeta(): string {
  return /content="([^"]*)"/.exec(injectCsp(`<meta content="${CSP_PLACEHOLDER}">`))![1]!
}
