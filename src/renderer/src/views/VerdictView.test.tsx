import { act, render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import type { Check } from '../../../shared/events'
import { buildRun } from '../test/buildRun'
import { HELLO_HOST_PID, helloEvents } from '../test/fixtures/helloRun'
import { VerdictView } from './VerdictView'

const PPID_KO = '자식이 스스로 확인한 PPID가 호스트의 PID와 같음'

/** The recorded hello run (saved before checks had labels) with labels on some checks. */
function withLabels(edit: (c: Check, i: number) => Check) {
  return helloEvents.map((e) =>
    e.type === 'run.end'
      ? { ...e, verdict: { ...e.verdict, checks: e.verdict.checks.map(edit) } }
      : e
  )
}

const labelled = withLabels((c, i) =>
  i === 1
    ? { ...c, label: { ko: PPID_KO, en: c.name } }
    : i === 2
      ? {
          ...c,
          label: { ko: '호스트가 본 PID와 자식이 출력한 PID가 같음', en: c.name },
          note: 'not-observed'
        }
      : c
)

afterEach(async () => {
  await act(() => i18next.changeLanguage('en'))
})

describe('VerdictView', () => {
  it('lists the checks with their observed values (recorded hello)', () => {
    render(<VerdictView run={buildRun(helloEvents)} />)
    expect(screen.getByRole('heading', { name: 'Verdict: passed' })).toBeInTheDocument()
    expect(screen.getByText(/the child's own PPID is the host's PID/)).toBeInTheDocument()
    expect(
      screen.getByText(`— observed: child says PPID ${HELLO_HOST_PID}, host PID ${HELLO_HOST_PID}`)
    ).toBeInTheDocument()
  })

  it('says failed, with the error, when a check failed', () => {
    const events = helloEvents.map((e) =>
      e.type === 'run.end'
        ? {
            ...e,
            status: 'failed' as const,
            error: { name: 'Error', message: 'child crashed' },
            verdict: { passed: false, checks: [{ name: 'c', passed: false, observed: 'x' }] }
          }
        : e
    )
    render(<VerdictView run={buildRun(events)} />)
    expect(screen.getByRole('heading', { name: 'Verdict: failed' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('child crashed')
  })

  it('shows each check in Korean when the UI is Korean, its note too; unlabelled ones in English', async () => {
    await act(() => i18next.changeLanguage('ko'))
    render(<VerdictView run={buildRun(labelled)} />)
    expect(screen.getByRole('heading', { name: '판정: 통과' })).toBeInTheDocument()
    expect(screen.getByText(PPID_KO)).toHaveAttribute('lang', 'ko')
    expect(screen.queryByText("the child's own PPID is the host's PID")).toBeNull()
    const item = screen.getByText('호스트가 본 PID와 자식이 출력한 PID가 같음').closest('li')!
    expect(item).toHaveTextContent('(이번 실행에서는 관찰되지 않음)')
    // observed stays as recorded; a check without a label (an older trace) keeps its name
    expect(
      screen.getByText(`— 관찰값: child says PPID ${HELLO_HOST_PID}, host PID ${HELLO_HOST_PID}`)
    ).toBeInTheDocument()
    expect(screen.getByText('one child process spawned')).toHaveAttribute('lang', 'en')
  })

  it('follows a language switch: the English label is the name', async () => {
    await act(() => i18next.changeLanguage('ko'))
    render(<VerdictView run={buildRun(labelled)} />)
    expect(screen.getByText(PPID_KO)).toBeInTheDocument()
    await act(() => i18next.changeLanguage('en'))
    expect(screen.queryByText(PPID_KO)).toBeNull()
    expect(screen.getByText("the child's own PPID is the host's PID")).toHaveAttribute('lang', 'en')
    expect(screen.getByText(/not observed in this run/)).toBeInTheDocument()
  })

  it('waits for the end of the run', () => {
    render(<VerdictView run={buildRun(helloEvents.slice(0, 4))} />)
    expect(screen.getByText('The verdict appears when the run ends.')).toBeInTheDocument()
  })
})
