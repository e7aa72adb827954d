import { describe, expect, it } from 'vitest'
import { readCappedText } from './readCappedText'

function streamOf(chunks: Uint8Array<ArrayBuffer>[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(c))
      controller.close()
    }
  })
}

async function gzip(chunks: Uint8Array<ArrayBuffer>[]): Promise<Uint8Array<ArrayBuffer>> {
  const packed = streamOf(chunks).pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(packed).arrayBuffer())
}

const gunzipped = (bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> =>
  streamOf([bytes]).pipeThrough(new DecompressionStream('gzip'))

describe('readCappedText', () => {
  it('reads a gzipped text whole when under the cap', async () => {
    const text = '{"format":"poolscope-trace"} ✓ 한국어'
    const packed = await gzip([new TextEncoder().encode(text)])
    await expect(readCappedText(gunzipped(packed), 1000)).resolves.toBe(text)
  })

  it('stops a gzip bomb at the cap instead of unpacking it all', async () => {
    const mib = new Uint8Array(2 ** 20).fill(0x20)
    const bomb = await gzip(Array.from({ length: 64 }, () => mib)) // 64 MiB of spaces
    expect(bomb.length).toBeLessThan(2 ** 20)
    await expect(readCappedText(gunzipped(bomb), 2 ** 20)).rejects.toThrow(
      'larger than the 1 MiB limit'
    )
  })
})
