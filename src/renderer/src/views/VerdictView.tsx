import { useTranslation } from 'react-i18next'
import type { RunState } from '../store/runState'

export function VerdictView({ run }: { run: RunState }): React.JSX.Element | null {
  const { t } = useTranslation()
  if (!run.verdict) return null
  return (
    <section aria-label={t('verdict')} className="verdict">
      <h2>{run.verdict.passed ? t('verdictPassed') : t('verdictFailed')}</h2>
      {run.error && (
        <p role="alert">
          {t('error')}: {run.error.message}
        </p>
      )}
      <ul>
        {run.verdict.checks.map((c) => (
          <li key={c.name} className={c.passed ? 'pass' : 'fail'}>
            <strong>{c.passed ? t('pass') : t('fail')}</strong> {c.name} — {c.observed}
          </li>
        ))}
      </ul>
    </section>
  )
}
