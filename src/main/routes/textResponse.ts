// A plain-text answer: the host's errors say what is wrong in words the page shows as they are.
export function textResponse(
  status: number,
  text: string,
  headers: Record<string, string> = {}
): Response {
  const h = new Headers(headers)
  h.set('content-type', 'text/plain; charset=utf-8')
  return new Response(`${text}\n`, { status, headers: h })
}
