// The run's views: the verdict on top, a tabbed pane (Processes, CPU, Queues and locks,
// Timeline) and, under a splitter, the console. Only the visible tab renders; the charts and
// the timeline follow the run at most CHART_UPDATES_PER_S times a second (they cost the most
// to draw), the rest at the store's pace.
import { useDeferredValue, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useElementSize } from '../hooks/useElementSize'
import { useThrottled } from '../hooks/useThrottled'
import type { RunState } from '../store/runState'
import { CpuView } from '../views/charts/CpuView'
import { QueuesLocksView } from '../views/charts/QueuesLocksView'
import { CompareView } from '../views/compare/CompareView'
import { ConsoleView } from '../views/ConsoleView'
import { DiagramView } from '../views/diagram/DiagramView'
import { SaveImage } from '../views/SaveImage'
import type { KillSignal } from '../views/processes/ProcessActions'
import { ProcessTable } from '../views/processes/ProcessTable'
import { TimelineView } from '../views/timeline/TimelineView'
import { VerdictView } from '../views/VerdictView'
import { Splitter } from './Splitter'

export const TABS = ['processes', 'cpu', 'queues', 'timeline', 'diagram', 'sideBySide'] as const
/** Tabs with an Alt+digit shortcut (Alt+5 … Alt+7 are the console, verdict and history). */
export const SHORTCUT_TABS = 4
export type Tab = (typeof TABS)[number]
export const CHART_UPDATES_PER_S = 5
/** At most this share of the main thread goes to redrawing them (fewer updates if dearer). */
const CHART_SHARE = 0.15

interface Props {
  run: RunState
  /** Every run the window knows, in order (the side-by-side view picks the second). */
  runs: ReadonlyMap<string, RunState>
  order: readonly string[]
  /** A live run streams events: its charts are throttled (a replay's follow the scrubber). */
  live: boolean
  tab: Tab
  onTab(tab: Tab): void
  onSignal?: (pid: number, signal: KillSignal) => void
  filterRef: React.Ref<HTMLInputElement>
  findRef: React.Ref<HTMLInputElement>
  verdictRef: React.Ref<HTMLDivElement>
}

export function MainPanes(props: Props): React.JSX.Element {
  const { run, live, tab, onTab, onSignal, filterRef, findRef, verdictRef } = props
  const { t } = useTranslation()
  const [topPct, setTopPct] = useState(60)
  const panelRef = useRef<HTMLDivElement>(null)
  // processes chosen in the diagram, for this run only: they filter the console and are
  // highlighted in the process table
  const [choice, setChoice] = useState<{ run: string; pids: readonly number[] } | null>(null)
  const chosen = choice?.run === run.id ? choice.pids : null
  const choose = (pids: readonly number[] | null): void =>
    setChoice(pids ? { run: run.id, pids } : null)
  // measured by a ResizeObserver: reading the height on every render forced a layout
  const [panesRef, { height }] = useElementSize<HTMLDivElement>({ width: 0, height: 600 })
  // The tab strip answers at once; the pane follows in an interruptible render, so mounting a
  // chart (tens of ms in recharts) does not hold up the frames of a live run.
  const shown = useDeferredValue(tab)
  const throttled = live && shown !== 'processes'
  const drawn = useThrottled(run, throttled ? 1000 / CHART_UPDATES_PER_S : 0, run.id, CHART_SHARE)
  return (
    <div className="panes" ref={panesRef}>
      <div ref={verdictRef} tabIndex={-1} className="verdict-slot">
        <VerdictView run={run} />
      </div>
      <div className="pane top" style={{ flexBasis: `${topPct}%` }}>
        <div role="tablist" aria-label={t('views')} className="tabs">
          {TABS.map((id, i) => (
            <button
              key={id}
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              title={i < SHORTCUT_TABS ? `Alt+${i + 1}` : undefined}
              onClick={() => onTab(id)}
              onKeyDown={(e) => {
                const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
                if (d) onTab(TABS[(i + d + TABS.length) % TABS.length]!)
              }}
            >
              {t(id)}
            </button>
          ))}
        </div>
        {shown !== 'processes' && <SaveImage run={drawn} view={shown} target={panelRef} />}
        <div
          ref={panelRef}
          role="tabpanel"
          id={`panel-${shown}`}
          aria-labelledby={`tab-${shown}`}
          aria-busy={shown !== tab}
          className="tab-panel"
        >
          {shown === 'processes' && (
            <ProcessTable run={run} chosen={chosen} onSignal={onSignal} filterRef={filterRef} />
          )}
          {shown === 'cpu' && <CpuView run={drawn} />}
          {shown === 'queues' && <QueuesLocksView run={drawn} />}
          {shown === 'timeline' && <TimelineView run={drawn} chosen={chosen} />}
          {shown === 'sideBySide' && (
            <CompareView run={drawn} runs={props.runs} order={props.order} />
          )}
          {shown === 'diagram' && <DiagramView run={drawn} chosen={chosen} onChoose={choose} />}
        </div>
      </div>
      <Splitter
        orientation="horizontal"
        label={t('splitter')}
        value={topPct}
        min={15}
        max={85}
        pxPerUnit={height / 100}
        onChange={setTopPct}
      />
      <div className="pane bottom">
        {/* keyed: the process filter names PIDs of one run */}
        <ConsoleView
          key={run.id}
          run={run}
          findRef={findRef}
          pid={chosen?.length === 1 ? chosen[0] : 'all'}
          onPid={(pid) => choose(pid === 'all' ? null : [pid])}
        />
      </div>
    </div>
  )
}
