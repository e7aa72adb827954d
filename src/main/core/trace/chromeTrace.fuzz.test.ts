// Any schema-valid trace exports to a well-formed Chrome trace (SYNTHETIC, generated).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NativeTraceSchema } from '../../../shared/trace'
import { arbitraryTrace } from '../../../../test/core/trace/arbitraryTrace'
import { checkChromeTrace } from './checkChromeTrace'
import { chromeTraceText } from './chromeTraceText'

describe('Chrome export of arbitrary valid traces (SYNTHETIC, generated)', () => {
  it('is always well-formed', () => {
    fc.assert(
      fc.property(arbitraryTrace(), (trace) => {
        expect(NativeTraceSchema.safeParse(trace).success).toBe(true)
        expect(checkChromeTrace([...chromeTraceText(trace)].join(''))).toEqual([])
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) }
    )
  })
})
