import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { PoolScopeApi } from '../../shared/api'
import type { Lang, ScenarioSpec } from '../../shared/scenarios'
import type { RunStore } from './store/runStore'
import { ConsoleView } from './views/ConsoleView'
import { ProcessTable } from './views/ProcessTable'
import { ScenarioLauncher } from './views/ScenarioLauncher'
import { VerdictView } from './views/VerdictView'

export function App({ api, store }: { api: PoolScopeApi; store: RunStore }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const [scenarios, setScenarios] = useState<ScenarioSpec[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const unsubscribe = api.subscribe(store.applyBatch)
    api.listScenarios().then(setScenarios, (e: Error) => setError(e.message))
    return unsubscribe
  }, [api, store])

  const run = snap.selected ? snap.runs.get(snap.selected) : undefined
  const running = run?.status === 'running' || run?.status === 'stopping'

  const start = (scenario: string, params: Record<string, number | string>): void => {
    setError(null)
    api.startRun({ scenario, params }).then(
      (info) => store.addRun(info),
      (e: Error) => setError(e.message)
    )
  }
  const stop = (): void => {
    if (run) api.stopRun({ runId: run.id }).catch((e: Error) => setError(e.message))
  }

  return (
    <div className="app">
      <header>
        <h1>{t('appTitle')}</h1>
        <label className="lang">
          {t('language')}{' '}
          <select
            value={i18n.language}
            onChange={(e) => void i18n.changeLanguage(e.target.value as Lang)}
          >
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
        </label>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <main>
        <aside>
          <ScenarioLauncher scenarios={scenarios} running={running} onRun={start} onStop={stop} />
          <nav aria-label={t('runs')}>
            <h2>{t('runs')}</h2>
            <ul className="runs">
              {snap.order.map((id) => {
                const r = snap.runs.get(id)!
                return (
                  <li key={id}>
                    <button aria-pressed={id === snap.selected} onClick={() => store.select(id)}>
                      {id} · {r.scenario} · {t(`status.${r.status}`)}
                    </button>
                  </li>
                )
              })}
            </ul>
          </nav>
        </aside>
        <div className="views">
          {run ? (
            <>
              <p className="run-status" data-testid="run-status">
                {run.id} · {run.scenario} · {t(`status.${run.status}`)}
              </p>
              <ProcessTable run={run} />
              <ConsoleView run={run} />
              <VerdictView run={run} />
            </>
          ) : (
            <p className="empty">{t('noRun')}</p>
          )}
        </div>
      </main>
    </div>
  )
}
