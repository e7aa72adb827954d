// The run's verdict: each check with what was observed, in plain language and the UI's
// language (texts by check id, from the host); an inconclusive check says why. Traces saved
// before check ids show their own label, or their English name.
import { useTranslation } from 'react-i18next'
import { useCheckWords } from '../i18n/checkTexts'
import type { RunState } from '../store/runState'

const MARK = { passed: '✓', failed: '✗', inconclusive: '?' } as const

export function VerdictView({ run }: { run: RunState }): React.JSX.Element {
  const { t } = useTranslation()
  const words = useCheckWords()
  if (!run.verdict) {
    return (
      <section aria-label={t('verdict')} className="verdict pending">
        <p className="muted">{t('verdictPending')}</p>
      </section>
    )
  }
  const { outcome, checks } = run.verdict
  const title = t(`verdictOutcome.${outcome}`)
  return (
    <section aria-label={title} className={`verdict ${outcome}`}>
      <h2>{title}</h2>
      {run.error && (
        <p role="alert">
          {t('error')}: {run.error.message}
        </p>
      )}
      <ul>
        {checks.map((c, i) => {
          const w = words(c)
          return (
            <li key={`${c.id}-${i}`} className={c.outcome}>
              <strong>
                {MARK[c.outcome]} {t(`checkOutcome.${c.outcome}`)}
              </strong>{' '}
              <span lang={w.lang}>{w.name}</span>
              <span className="observed" lang={w.lang}>
                {' '}
                — {t('observed')}: {w.observed}
              </span>
              {w.reason && (
                <span className="reason">
                  {' '}
                  — {t('why')}: {w.reason}
                </span>
              )}
              {c.note && <em className="muted"> ({t(`note.${c.note}`)})</em>}
            </li>
          )
        })}
      </ul>
      {run.result !== null && run.result !== undefined && (
        <details>
          <summary>{t('result')}</summary>
          <pre>{JSON.stringify(run.result, null, 2)}</pre>
        </details>
      )}
    </section>
  )
}
