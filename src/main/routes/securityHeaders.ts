// Headers every page response carries, on every face (the CSP is the face's own, from src/main/csp.ts).
export function setSecurityHeaders(headers: Headers, csp: string): void {
  headers.set('content-security-policy', csp)
  headers.set('x-content-type-options', 'nosniff')
  headers.set('referrer-policy', 'no-referrer')
  headers.set('x-frame-options', 'DENY')
}
