// Traces saved before check ids (checks with name, passed, observed and label {ko, en}, a
// verdict without outcome) still open, show their own texts, and travel on through every export
// with those texts, an id and an outcome.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkWords } from '../../../shared/checkTexts'
import { RunEventSchema } from '../../../shared/events'
import { formatEvent } from '../../headless/formatEvent'
import { PoolScopeService } from '../host/PoolScopeService'
import { CHECK_TEXTS } from '../scenarios/checkTexts'

const FIXTURE = join(
  __dirname,
  '../../../../test/core/trace/fixtures/labelled-checks.poolscope.json'
)

describe('a trace with labelled checks (before check ids)', () => {
  it('opens, shows its labels and English, and re-exports with ids and outcomes', async () => {
    const service = new PoolScopeService()
    try {
      const content = readFileSync(FIXTURE, 'utf8')
      const info = await service.call('openTrace', { fileName: 'old.poolscope.json', content })
      expect(info.verdict).toMatchObject({ passed: false, outcome: 'failed' })
      const [senders, overlap, exit] = info.verdict!.checks
      expect(senders).toMatchObject({
        id: 'legacy:3 sender processes, children of the host',
        outcome: 'passed',
        values: {},
        seen: []
      })
      expect(checkWords(senders!, CHECK_TEXTS, 'ko')).toEqual({
        name: '송신 프로세스 3개, 모두 호스트의 자식',
        observed: '3 senders, PPIDs 28356 (host 28356)',
        reason: '',
        lang: 'ko'
      })
      expect(overlap).toMatchObject({ outcome: 'passed', note: 'not-observed' })
      // no label: English in every language
      expect(checkWords(exit!, CHECK_TEXTS, 'ko')).toMatchObject({
        name: 'the child exited with code 0',
        lang: 'en'
      })
      expect(exit!.outcome).toBe('failed')

      const run = service.getRun(info.id)
      await run.done
      const end = run.events.slice().at(-1)!
      expect(end.type).toBe('run.end')
      expect(formatEvent(end)).toContain('FAIL the child exited with code 0: code 1, signal null')

      // native: the same checks again, now with ids and outcomes, and the old texts kept
      const native = await service.call('exportRun', { runId: info.id, format: 'native' })
      const doc = JSON.parse(native.content) as { verdict: unknown; events: unknown[] }
      expect(doc.verdict).toEqual(info.verdict)
      const again = await service.call('openTrace', {
        fileName: 'again.json',
        content: native.content
      })
      expect(again.verdict).toEqual(info.verdict)
      // chrome and CSV carry the ids and figures
      const chrome = await service.call('exportRun', { runId: info.id, format: 'chrome' })
      expect(chrome.content).toContain('"legacy:3 sender processes, children of the host"')
      const csv = await service.call('exportRun', { runId: info.id, format: 'csv' })
      expect(csv.content).toContain('legacy:3 sender processes')
      expect(RunEventSchema.parse(doc.events.at(-1))).toEqual(end)
    } finally {
      await service.shutdown()
    }
  })
})
