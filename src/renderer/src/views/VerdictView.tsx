// The run's verdict: each check with what was observed, in plain language. A check's name is
// shown in the UI's language (its label); traces saved before labels existed show the English.
import { useTranslation } from 'react-i18next'
import type { Lang } from '../../../shared/scenarios'
import type { RunState } from '../store/runState'

export function VerdictView({ run }: { run: RunState }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language.startsWith('ko') ? 'ko' : 'en'
  if (!run.verdict) {
    return (
      <section aria-label={t('verdict')} className="verdict pending">
        <p className="muted">{t('verdictPending')}</p>
      </section>
    )
  }
  const title = run.verdict.passed ? t('verdictPassed') : t('verdictFailed')
  return (
    <section aria-label={title} className={`verdict ${run.verdict.passed ? 'passed' : 'failed'}`}>
      <h2>{title}</h2>
      {run.error && (
        <p role="alert">
          {t('error')}: {run.error.message}
        </p>
      )}
      <ul>
        {run.verdict.checks.map((c) => (
          <li key={c.name} className={c.passed ? 'pass' : 'fail'}>
            <strong>{c.passed ? `✓ ${t('pass')}` : `✗ ${t('fail')}`}</strong>{' '}
            <span lang={c.label ? lang : 'en'}>{c.label?.[lang] ?? c.name}</span>
            <span className="observed">
              {' '}
              — {t('observed')}: {c.observed}
            </span>
            {c.note && <em className="muted"> ({t(`note.${c.note}`)})</em>}
          </li>
        ))}
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
