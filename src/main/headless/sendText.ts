// A plain-text answer (serve mode's errors: the message says what is wrong).
import type { ServerResponse } from 'node:http'

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${text}\n`)
}
