// Merged output of the run's processes, each line prefixed with its PID.
import { useTranslation } from 'react-i18next'
import type { RunState } from '../store/runState'

export function ConsoleView({ run }: { run: RunState }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <section aria-label={t('console')} className="console">
      <h2>{t('console')}</h2>
      {run.console.length === 0 ? (
        <p className="empty">{t('noOutput')}</p>
      ) : (
        <pre role="log" aria-label={t('console')}>
          {run.console.map((l) => (
            <span key={l.key} className={l.stream}>
              <span className="pid">[{l.pid}]</span> {l.text}
            </span>
          ))}
        </pre>
      )}
    </section>
  )
}
