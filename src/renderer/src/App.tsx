// The PoolScope window: header (status, replay, export/open, language), the launcher and run
// history in a resizable sidebar, and the selected run's views.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { PoolScopeApi, ProgramSupport } from '../../shared/api'
import type { ScenarioSpec } from '../../shared/scenarios'
import { AppHeader } from './AppHeader'
import { useShortcuts } from './hooks/useShortcuts'
import type { Tab } from './layout/MainPanes'
import { MainPanes, SHORTCUT_TABS, TABS } from './layout/MainPanes'
import { Splitter } from './layout/Splitter'
import { isLive } from './store/runState'
import type { RunStore } from './store/runStore'
import { useRunActions } from './useRunActions'
import { LetGoNotice } from './views/LetGoNotice'
import { RunHistory } from './views/RunHistory'
import { ScenarioLauncher } from './views/ScenarioLauncher'
import { ShortcutsHelp } from './views/ShortcutsHelp'
import { ExplorerView } from './views/explorer/ExplorerView'
import { RunNotices } from './views/RunNotices'
import type { WatchPrefill } from './views/WatchProgramForm'
import { WatchProgramForm } from './views/WatchProgramForm'
import { pythonCommand } from './util/commandLine'

export function App({ api, store }: { api: PoolScopeApi; store: RunStore }): React.JSX.Element {
  const { t } = useTranslation()
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const [scenarios, setScenarios] = useState<ScenarioSpec[]>([])
  const [tab, setTab] = useState<Tab>('processes')
  const [sidebar, setSidebar] = useState(320)
  const [help, setHelp] = useState(false)
  const [explorer, setExplorer] = useState(false)
  const [support, setSupport] = useState<ProgramSupport | null>(null)
  const [watchOpen, setWatchOpen] = useState(false)
  const [prefill, setPrefill] = useState<{ n: number; cmd: WatchPrefill } | null>(null)
  /** Attached runs whose process is a Python program PoolScope could start itself. */
  const [attachedPython, setAttachedPython] = useState<ReadonlyMap<string, WatchPrefill>>(new Map())
  const actions = useRunActions(api, store)
  const { setNotice } = actions
  const filterRef = useRef<HTMLInputElement>(null)
  const findRef = useRef<HTMLInputElement>(null)
  const verdictRef = useRef<HTMLDivElement>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const historyRef = useRef<HTMLElement>(null)
  const openRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const unsubscribe = api.subscribe(store.applyBatch)
    const fail = (e: Error): void => setNotice({ kind: 'error', text: e.message })
    api.listScenarios().then(setScenarios, fail)
    api.listRuns().then((runs) => store.mergeInfos(runs), fail)
    api.programSupport().then(setSupport, fail)
    return unsubscribe
  }, [api, store, setNotice])

  const run = snap.selected ? snap.runs.get(snap.selected) : undefined
  const info = run ? snap.infos.get(run.id) : undefined
  const replay = run ? snap.replays.get(run.id) : undefined
  const running = !!run && !replay && isLive(run.status)
  const letGo = run ? snap.letGo.get(run.id) : undefined
  const letGoNotice = letGo && (
    <LetGoNotice
      letGo={letGo}
      info={info}
      onRerun={(i) => actions.start(i.scenario, i.params)}
      onOpenTrace={() => openRef.current?.click()}
    />
  )

  const focusView = (n: number): void => {
    if (n <= SHORTCUT_TABS) setTab(TABS[n - 1]!)
    else if (n === 5) findRef.current?.focus()
    else if (n === 6) verdictRef.current?.focus()
    else historyRef.current?.focus()
  }
  useShortcuts({
    run: () => formRef.current?.requestSubmit(),
    stop: () => running && actions.stop(run.id),
    find: () => (tab === 'processes' ? filterRef : findRef).current?.focus(),
    open: () => openRef.current?.click(),
    play: () => replay && run && store.togglePlay(run.id),
    help: () => setHelp(true),
    view1: () => focusView(1),
    view2: () => focusView(2),
    view3: () => focusView(3),
    view4: () => focusView(4),
    view5: () => focusView(5),
    view6: () => focusView(6),
    view7: () => focusView(7)
  })

  return (
    <div className="app">
      <AppHeader
        run={run}
        info={info}
        replay={replay}
        store={store}
        actions={actions}
        openRef={openRef}
        connection={api.connection}
        onHelp={() => setHelp(true)}
      />
      {actions.notice && (
        <p
          role={actions.notice.kind === 'error' ? 'alert' : 'status'}
          className={`notice ${actions.notice.kind}`}
        >
          {actions.notice.text}
          <button aria-label={t('shortcuts.close')} onClick={() => setNotice(null)}>
            ×
          </button>
        </p>
      )}
      <div className="body" style={{ gridTemplateColumns: `${sidebar}px 1fr` }}>
        <aside>
          <button
            className="explorer-toggle"
            aria-pressed={explorer}
            onClick={() => setExplorer((v) => !v)}
          >
            {t('explorer.title')}
          </button>
          <ScenarioLauncher
            scenarios={scenarios}
            running={running}
            onRun={actions.start}
            onStop={() => run && actions.stop(run.id)}
            formRef={formRef}
            support={support}
          />
          <button
            className="watch-toggle"
            aria-expanded={watchOpen}
            aria-controls="watch-program"
            onClick={() => setWatchOpen((v) => !v)}
          >
            {t('watchProgram.title')}
          </button>
          {watchOpen && (
            <div id="watch-program">
              <WatchProgramForm
                key={prefill?.n ?? 0}
                support={support}
                scenarios={scenarios}
                prefill={prefill?.cmd}
                onWatch={actions.watch}
                onPick={(kind) =>
                  api.pickPath({ kind }).then(
                    (r) => r.path,
                    (e: Error) => {
                      setNotice({ kind: 'error', text: e.message })
                      return null
                    }
                  )
                }
              />
            </div>
          )}
          <RunHistory
            snap={snap}
            onSelect={(id) => {
              setExplorer(false)
              store.select(id)
            }}
            listRef={historyRef}
          />
        </aside>
        {/* the splitter inside <main>: no content outside a landmark (axe's region rule) */}
        <main className="main">
          <Splitter
            orientation="vertical"
            label={t('splitter')}
            value={sidebar}
            min={200}
            max={640}
            step={16}
            onChange={setSidebar}
          />
          <div className="views">
            {explorer ? (
              <ExplorerView
                api={api}
                onNotice={setNotice}
                onWatch={(pid) => {
                  // read while it runs: a Python program gets the offer to start it under PoolScope
                  const details = api.processDetails({ pid }).catch(() => null)
                  api.attachProcess({ pid }).then(
                    (info) => {
                      store.addRun(info)
                      setExplorer(false)
                      setTab('processes')
                      void details.then((d) => {
                        const cmd = d?.argv && pythonCommand(d.argv, d.exe)
                        if (cmd)
                          setAttachedPython((m) =>
                            new Map(m).set(info.id, { ...cmd, pid, cwd: d.cwd })
                          )
                      })
                    },
                    (e: Error) => setNotice({ kind: 'error', text: e.message })
                  )
                }}
              />
            ) : run && letGo?.byPage ? (
              letGoNotice
            ) : run ? (
              <>
                {letGoNotice}
                <RunNotices
                  run={run}
                  attachedPython={attachedPython.get(run.id)}
                  onStartUnder={() => {
                    const cmd = attachedPython.get(run.id)
                    if (cmd) setPrefill((p) => ({ n: (p?.n ?? 0) + 1, cmd }))
                    setWatchOpen(true)
                  }}
                />
                <MainPanes
                  run={run}
                  runs={snap.runs}
                  order={snap.order}
                  live={running}
                  tab={tab}
                  onTab={setTab}
                  filterRef={filterRef}
                  findRef={findRef}
                  verdictRef={verdictRef}
                  onSignal={
                    running ? (pid, signal) => actions.kill(run.id, pid, signal) : undefined
                  }
                />
              </>
            ) : (
              <p className="empty">{t('noRun')}</p>
            )}
          </div>
        </main>
      </div>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  )
}
