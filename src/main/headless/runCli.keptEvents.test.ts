// The kept-events budget on the command line: serve's flag and the environment variable; a bad
// value is a bad argument (exit 2, one line naming it), checked before anything is served.
import { afterEach, expect, it } from 'vitest'
import { KEPT_EVENTS_ENV } from '../core/host/KeptRuns'
import { EXIT } from './runCli'
import { cli } from '../../../test/headless/runCliCapture'

afterEach(() => {
  delete process.env[KEPT_EVENTS_ENV]
})

it('serve --kept-events takes a whole number only', async () => {
  const r = await cli('serve', '--port', '0', '--kept-events', 'many')
  expect(r.code).toBe(EXIT.badArgument)
  expect(r.err).toContain("not a whole number of events: 'many'")
  expect(r.out).toBe('')
})

it(`a bad ${KEPT_EVENTS_ENV} is named`, async () => {
  process.env[KEPT_EVENTS_ENV] = '1.5'
  const r = await cli('list')
  expect(r.code).toBe(EXIT.badArgument)
  expect(r.err).toBe(
    `poolscope: ${KEPT_EVENTS_ENV}: expected a whole number of events, got '1.5'\n`
  )
})
