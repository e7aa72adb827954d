// The header: what the selected run is doing, its replay controls, and the app's commands.
import { useTranslation } from 'react-i18next'
import type { ConnectionStatus, RunInfo } from '../../shared/api'
import type { Lang } from '../../shared/scenarios'
import type { RunState } from './store/runState'
import { isLive } from './store/runState'
import type { ReplayStatus, RunStore } from './store/runStore'
import type { RunActions } from './useRunActions'
import { ConnectionIndicator } from './views/ConnectionIndicator'
import { ExportMenu } from './views/ExportMenu'
import { OpenTrace } from './views/OpenTrace'
import { ReplayBar } from './views/ReplayBar'

interface Props {
  run: RunState | undefined
  info: RunInfo | undefined
  replay: ReplayStatus | undefined
  store: RunStore
  actions: RunActions
  openRef: React.Ref<HTMLInputElement>
  connection: ConnectionStatus
  onHelp(): void
}

export function AppHeader(props: Props): React.JSX.Element {
  const { run, info, replay, store, actions, openRef, connection, onHelp } = props
  const { t, i18n } = useTranslation()
  const live = !!run && !replay && isLive(run.status)
  const tasks = run?.series.tasks
  return (
    <header>
      <h1>{t('appTitle')}</h1>
      <ConnectionIndicator connection={connection} />
      {run && (
        <p className="run-status" data-testid="run-status">
          {run.id} · {run.scenario || info?.scenario} · {replay ? `${t('replay')} · ` : ''}
          {t(`status.${run.status}`)}
        </p>
      )}
      {run && run.dropped > 0 && (
        <span className="muted" role="note">
          {t('dropped', { n: run.dropped })}
        </span>
      )}
      {tasks && tasks.queued > 0 && (
        <label className="progress">
          <span className="visually-hidden">{t('progress')}</span>
          <progress max={tasks.queued} value={tasks.done + tasks.failed} />
          <span className="muted">
            {t('tasksProgress', { done: tasks.done + tasks.failed, queued: tasks.queued })}
          </span>
        </label>
      )}
      {run && replay && (
        <ReplayBar
          replay={replay}
          onSeek={(time) => store.seek(run.id, time)}
          onToggle={() => store.togglePlay(run.id)}
          onSpeed={(s) => store.setSpeed(run.id, s)}
        />
      )}
      <div className="toolbar">
        <ExportMenu
          disabled={!run || live}
          disabledReason={live ? t('exportMenu.whileRunning') : undefined}
          onExport={(format) => run && actions.exportRun(run.id, format)}
        />
        <OpenTrace
          inputRef={openRef}
          onOpen={actions.openTrace}
          onError={(text) => actions.setNotice({ kind: 'error', text })}
        />
        <button
          disabled={!run || live}
          onClick={() => run && actions.perfetto(run.id, `PoolScope ${run.scenario} ${run.id}`)}
        >
          {t('perfetto.label')}
        </button>
        <button onClick={onHelp} aria-keyshortcuts="?">
          {t('shortcuts.label')}
        </button>
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
      </div>
    </header>
  )
}
