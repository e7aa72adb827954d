/** Reads a byte stream as UTF-8 text, refusing to go past `maxChars` (a gzip bomb stops here). */
export async function readCappedText(
  stream: ReadableStream<Uint8Array>,
  maxChars: number
): Promise<string> {
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  const parts: string[] = []
  let length = 0
  for (;;) {
    const { done, value } = await reader.read()
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true })
    length += text.length
    if (length > maxChars) {
      await reader.cancel()
      throw new Error(
        `unpacked, the trace is larger than the ${Math.round(maxChars / 2 ** 20)} MiB limit`
      )
    }
    parts.push(text)
    if (done) return parts.join('')
  }
}
