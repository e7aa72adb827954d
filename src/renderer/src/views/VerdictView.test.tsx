import { act, render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import type { Check, RunEvent } from '../../../shared/events'
import { verdictOf } from '../../../shared/events'
import { CheckTextsContext } from '../i18n/checkTexts'
import { buildRun } from '../test/buildRun'
import { TEST_CHECK_TEXTS } from '../test/fixtures/checkTexts'
import { HELLO_HOST_PID, helloEvents } from '../test/fixtures/helloRun'
import { queueRecorded } from '../test/fixtures/recordedRuns'
import { VerdictView } from './VerdictView'

afterEach(async () => {
  await act(() => i18next.changeLanguage('en'))
})

/** The recorded hello run, its verdict replaced by these checks (ids and figures). */
function runWith(checks: Check[]): RunEvent[] {
  return helloEvents.map((e) => (e.type === 'run.end' ? { ...e, verdict: verdictOf(checks) } : e))
}

const senders: Check = {
  id: 'test.senders',
  outcome: 'passed',
  values: { n: 3, count: 3, ppids: [4242], host: 4242 },
  seen: [{ text: 'test.senders.seen' }]
}
const crowded: Check = {
  id: 'test.parallel',
  outcome: 'inconclusive',
  values: { n: 2, min: 1.6 },
  seen: [{ text: 'test.parallel.seen', values: { run: 1.234, ms: 812.4 } }],
  reason: { text: 'test.why.crowded', values: { others: 1.1, cores: 2 } }
}

function show(events: RunEvent[]): void {
  render(
    <CheckTextsContext.Provider value={TEST_CHECK_TEXTS}>
      <VerdictView run={buildRun(events)} />
    </CheckTextsContext.Provider>
  )
}

describe('VerdictView', () => {
  it('shows checks by id with their figures filled in; inconclusive says why, never passed', () => {
    show(runWith([senders, crowded]))
    expect(screen.getByRole('heading', { name: 'Verdict: inconclusive' })).toBeInTheDocument()
    const passed = screen.getByText('3 sender processes, children of the host').closest('li')!
    expect(passed).toHaveTextContent('✓ pass')
    expect(passed).toHaveTextContent('— observed: 3 senders, PPIDs 4242 (host 4242)')
    const unsure = screen.getByText('(b) 2 worker processes keep ≥ 1.6 cores busy').closest('li')!
    expect(unsure).toHaveClass('inconclusive')
    expect(unsure).toHaveTextContent('? inconclusive')
    expect(unsure).not.toHaveTextContent('pass')
    expect(unsure).toHaveTextContent('mean 1.23 busy cores by this run, wall 812 ms')
    expect(unsure).toHaveTextContent('— why: other programs kept 1.10 of 2 cores busy meanwhile')
  })

  it('in Korean, the names and what was observed are Korean, units included', async () => {
    await act(() => i18next.changeLanguage('ko'))
    show(runWith([senders, crowded]))
    expect(screen.getByRole('heading', { name: '판정: 판단 불가' })).toBeInTheDocument()
    const item = screen.getByText('송신 프로세스 3개, 모두 호스트의 자식').closest('li')!
    expect(item).toHaveTextContent('— 관찰값: 송신 프로세스 3개, PPID 4242 (호스트 4242)')
    const unsure = screen.getByText('(b) 워커 프로세스 2개가 코어 1.6개 이상을 사용').closest('li')!
    expect(unsure).toHaveTextContent('이 실행이 평균 코어 1.23개 사용, 경과 812ms')
    expect(unsure).toHaveTextContent('이유: 그동안 다른 프로그램이 코어 2개 중 1.10개를 사용')
    // nothing English left in what the checks say, apart from identifiers such as PID
    const said = screen.getByRole('region').querySelector('ul')!.textContent!
    expect(said.replace(/PPID|PID|ms/g, '')).not.toMatch(/[A-Za-z]{2,}/)
  })

  it('an id without texts (a newer trace) shows the id and no figures made up', () => {
    show(runWith([{ id: 'future.check', outcome: 'passed', values: {}, seen: [] }]))
    expect(screen.getByText('future.check')).toBeInTheDocument()
  })

  it('opens old traces: English-only checks keep their name and observation (recorded hello)', () => {
    show(helloEvents)
    expect(screen.getByRole('heading', { name: 'Verdict: passed' })).toBeInTheDocument()
    expect(screen.getByText("the child's own PPID is the host's PID")).toHaveAttribute('lang', 'en')
    expect(
      screen.getByText(`— observed: child says PPID ${HELLO_HOST_PID}, host PID ${HELLO_HOST_PID}`)
    ).toBeInTheDocument()
  })

  it('opens old traces with label {ko, en}: the label in the UI language (recorded queue)', async () => {
    await act(() => i18next.changeLanguage('ko'))
    show(queueRecorded)
    expect(screen.getByRole('heading', { name: '판정: 통과' })).toBeInTheDocument()
    expect(screen.getByText('송신 프로세스 3개, 모두 호스트의 자식')).toHaveAttribute('lang', 'ko')
    // its observation was saved in English only
    expect(screen.getByText('— 관찰값: 3 senders, PPIDs 28356 (host 28356)')).toBeInTheDocument()
    await act(() => i18next.changeLanguage('en'))
    expect(screen.getByText('3 sender processes, children of the host')).toBeInTheDocument()
  })

  it('says failed, with the error, when a check failed', () => {
    const events = runWith([{ ...senders, outcome: 'failed' }]).map((e) =>
      e.type === 'run.end'
        ? { ...e, status: 'failed' as const, error: { name: 'Error', message: 'child crashed' } }
        : e
    )
    show(events)
    expect(screen.getByRole('heading', { name: 'Verdict: failed' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('child crashed')
    expect(screen.getByText(/✗ fail/)).toBeInTheDocument()
  })

  it('waits for the end of the run', () => {
    show(helloEvents.slice(0, 4))
    expect(screen.getByText('The verdict appears when the run ends.')).toBeInTheDocument()
  })
})
