// Malformed, truncated, wrong-version and hostile native traces: one clear error each, naming
// what is wrong, and the host keeps working.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TRACE_LIMITS } from '../../../shared/trace'
import { PoolScopeService } from '../host/PoolScopeService'
import { parseNativeTrace } from './parseNativeTrace'
import { loadTraceFile } from './loadTraceFile'
import { syntheticTrace } from '../../../../test/core/trace/syntheticTrace'

const good = syntheticTrace(200)
const goodText = JSON.stringify(good)
/** The good trace with one change made to a deep copy. */
function altered(change: (doc: Record<string, unknown> & typeof good) => void): string {
  const doc = structuredClone(good) as Record<string, unknown> & typeof good
  change(doc)
  return JSON.stringify(doc)
}

const cases: Array<[string, string, RegExp]> = [
  ['non-JSON', 'hello, I am not JSON', /^not valid JSON \(.*\); the file may be truncated/],
  ['empty', '', /^not valid JSON/],
  [
    'gzip bytes read as text',
    gzipSync(goodText).toString('latin1'),
    /^this is gzip-compressed data, not JSON text: decompress it first$/
  ],
  ['truncated', goodText.slice(0, goodText.length >> 1), /^not valid JSON .*truncated/],
  ['a JSON array', '[1,2,3]', /expected a JSON object, found an array/],
  [
    'another format',
    '{"format":"chrome","traceEvents":[]}',
    /expected "format": "poolscope-trace"/
  ],
  [
    'wrong version',
    altered((d) => ((d as { version: number }).version = 2)),
    /^unsupported trace version 2 \(this app reads version 1\)$/
  ],
  [
    'missing version',
    altered((d) => delete (d as { version?: number }).version),
    /unsupported trace version none/
  ],
  [
    'wrong type',
    altered((d) => ((d.meta as { cores: unknown }).cores = 'two')),
    /^trace\.meta\.cores: .*expected number/
  ],
  [
    'wrong event type',
    altered((d) => ((d.events[3] as { type: string }).type = 'proc.explode')),
    /^trace\.events\.3\.type: /
  ],
  [
    'wrong field in an event',
    altered((d) => ((d.events[2] as { pid: unknown }).pid = -5)),
    /^trace\.events\.2\.pid: /
  ],
  [
    'events out of order',
    altered((d) => (d.events[5]!.t = d.events[4]!.t / 2)),
    /^trace\.events\.5\.t: events are out of time order/
  ],
  [
    'huge number (overflows to Infinity)',
    goodText.replace('"t":0,', '"t":1e999,'),
    /^trace\.events\.0\.t: /
  ],
  [
    'huge integer PID',
    altered((d) => ((d.meta as { hostPid: number }).hostPid = 2 ** 60)),
    /^trace\.meta\.hostPid: /
  ],
  [
    'a 400-digit number',
    goodText.replace('"t":0,', `"t":${'9'.repeat(400)},`),
    /a number at offset \d+ has 400 characters, over the limit of 64/
  ],
  [
    'deep nesting',
    goodText.replace(
      '"params":{"workers":4}',
      `"params":${'['.repeat(100_000)}${']'.repeat(100_000)}`
    ),
    /^nesting deeper than 32 levels at offset \d+$/
  ],
  [
    'a 10 MB string',
    goodText.replace('"scenario":"synthetic"', `"scenario":"${'x'.repeat(10_000_000)}"`),
    /a string at offset \d+ is 10000000 characters long, over the limit of 1048576/
  ],
  [
    'a long (but allowed) string where the schema limits it',
    altered((d) => (d.meta.host = 'h'.repeat(5000))),
    /^trace\.meta\.host: /
  ]
]

describe('opening a bad native trace', () => {
  it.each(cases)('%s → one clear error', (_, text, message) => {
    expect(() => parseNativeTrace(text)).toThrow(message)
  })

  it('refuses a flood of tiny values before parsing them (memory), saying the limit', () => {
    const flood = `{"format":"poolscope-trace","version":1,"events":[${'{},'.repeat(TRACE_LIMITS.values)}{}]}`
    expect(() => parseNativeTrace(flood)).toThrow(
      /^more than 16000000 JSON values \(at offset \d+\), over the limit$/
    )
  })

  it('refuses more events than the limit, saying the limit', () => {
    const many = `{"format":"poolscope-trace","version":1,"meta":${JSON.stringify(good.meta)},"status":"finished","events":[${'{"t":0,"type":"proc.ready","pid":1},'.repeat(TRACE_LIMITS.events)}{"t":0,"type":"proc.ready","pid":1}]}`
    expect(() => parseNativeTrace(many)).toThrow(/^trace\.events: .*2000000/)
  })

  describe('files', () => {
    let dir: string
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'poolscope-bad-'))
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    const file = (name: string, content: string | Buffer): string => {
      const path = join(dir, name)
      writeFileSync(path, content)
      return path
    }

    it('reads a good .gz', async () => {
      expect(await loadTraceFile(file('ok.poolscope.json.gz', gzipSync(goodText)))).toEqual(good)
    })
    it('gzip garbage → not a valid gzip file', async () => {
      const path = file('garbage.poolscope.json.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5]))
      await expect(loadTraceFile(path)).rejects.toThrow(
        `${path}: not a valid gzip file (Z_DATA_ERROR`
      )
    })
    it('truncated gzip → not a valid gzip file (unexpected end)', async () => {
      const gz = gzipSync(goodText)
      const path = file('cut.poolscope.json.gz', gz.subarray(0, gz.length >> 1))
      await expect(loadTraceFile(path)).rejects.toThrow(/not a valid gzip file \(.*end of file/)
    })
    it('a gzip bomb stops at the limit', async () => {
      // Concatenated gzip members: 257 × 1 MiB of spaces, about 260 KB on disk.
      const mib = gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 })
      const bomb = Buffer.concat(
        Array.from({ length: TRACE_LIMITS.textChars / 2 ** 20 + 1 }, () => mib)
      )
      const path = file('bomb.poolscope.json.gz', bomb)
      await expect(loadTraceFile(path)).rejects.toThrow(
        /decompresses to more than the limit of 256 MiB/
      )
    })
    it('binary that is neither gzip nor UTF-8', async () => {
      const path = file('bin.poolscope.json', Buffer.from([0xff, 0xfe, 0x00, 0xc3]))
      await expect(loadTraceFile(path)).rejects.toThrow(/not valid UTF-8 text/)
    })
    it('a missing file and a directory', async () => {
      await expect(loadTraceFile(join(dir, 'nope.json'))).rejects.toThrow(/cannot read \(ENOENT/)
      await expect(loadTraceFile(dir)).rejects.toThrow(/cannot read \(not a regular file\)/)
    })
  })

  it('through the API: a bad-input error naming the file, and the host keeps working', async () => {
    const service = new PoolScopeService()
    for (const [, content, message] of cases.filter(([n]) => !n.includes('10 MB'))) {
      const err = await service.call('openTrace', { fileName: 'bad.poolscope.json', content }).then(
        () => undefined,
        (e: unknown) => e as { code: string; message: string }
      )
      expect(err?.code).toBe('bad-input')
      expect(err?.message.startsWith('bad.poolscope.json: ')).toBe(true)
      expect(err?.message.slice('bad.poolscope.json: '.length)).toMatch(message)
      expect(err?.message).not.toContain('\n')
    }
    const ok = await service.call('openTrace', { fileName: 'ok.poolscope.json', content: goodText })
    expect(ok.replay).toBe(true)
    expect(await service.call('listRuns', undefined)).toHaveLength(1)
    await service.shutdown()
  })
})
