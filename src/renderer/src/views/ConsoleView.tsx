// Merged output of the run's processes: one terminal, each piece in its process's colour with
// a PID prefix. Torn lines (pieces of several processes on one line) are marked. Filter by
// process and find text; long consoles render only the lines in view.
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsoleLine } from '../store/consoleModel'
import type { RunState } from '../store/runState'
import { pidColor } from '../theme/colorMap'
import { readableText } from '../theme/readableText'
import { useColorScheme } from '../theme/useColorScheme'

export const VIRTUALIZE_LINES_FROM = 300
const LINE_HEIGHT = 18

interface Props {
  run: RunState
  findRef?: React.Ref<HTMLInputElement>
  /** The process filter, when a parent holds it (a box chosen in the diagram sets it). */
  pid?: number | 'all'
  onPid?: (pid: number | 'all') => void
}

// memo: the chart tabs redraw on their own timer; the console need not redraw with them
export const ConsoleView = memo(function ConsoleView(props: Props): React.JSX.Element {
  const { run, findRef } = props
  const { t } = useTranslation()
  const [ownPid, setOwnPid] = useState<number | 'all'>('all')
  const pid = props.pid ?? ownPid
  const setPid = props.onPid ?? setOwnPid
  const [find, setFind] = useState('')
  const scheme = useColorScheme()
  const colorOf = useMemo(() => {
    const map = new Map<number, string>()
    return (p: number): string => {
      let c = map.get(p)
      if (!c) map.set(p, (c = readableText(pidColor(p, run.hostPid, run.procs), scheme)))
      return c
    }
  }, [run.hostPid, run.procs, scheme])
  const lines = useMemo(() => {
    const needle = find.toLowerCase()
    return run.console.lines.filter(
      (l) =>
        (pid === 'all' || l.segments.some((s) => s.pid === pid)) &&
        (needle === '' || l.segments.some((s) => s.text.toLowerCase().includes(needle)))
    )
  }, [run.console.lines, pid, find])
  const pids = useMemo(
    () => [...run.procs.values()].sort((a, b) => a.order - b.order).map((p) => p.pid),
    [run.procs]
  )

  const scrollRef = useRef<HTMLDivElement>(null)
  const follow = useRef(true)
  const virtual = lines.length >= VIRTUALIZE_LINES_FROM
  // The compiler cannot memoise around the virtualizer; this component is not compiled.
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
    enabled: virtual
  })
  useEffect(() => {
    const el = scrollRef.current
    if (el && follow.current) el.scrollTop = el.scrollHeight
  }, [lines])
  const items = virtual ? virtualizer.getVirtualItems() : null

  return (
    <section aria-label={t('console')} className="console view">
      <div className="view-toolbar">
        <label>
          {t('consoleView.process')}{' '}
          <select
            value={pid}
            onChange={(e) => setPid(e.target.value === 'all' ? 'all' : Number(e.target.value))}
          >
            <option value="all">{t('consoleView.all')}</option>
            {run.hostPid !== null && (
              <option value={run.hostPid}>
                {run.hostPid} · {t('host')}
              </option>
            )}
            {pids.map((p) => (
              <option key={p} value={p}>
                {p} · {run.procs.get(p)?.name}
              </option>
            ))}
          </select>
        </label>
        <input
          ref={findRef}
          type="search"
          aria-label={t('consoleView.find')}
          placeholder={t('consoleView.find')}
          value={find}
          onChange={(e) => setFind(e.target.value)}
        />
        <span className="muted">{t('consoleView.lines', { n: lines.length })}</span>
      </div>
      {run.console.lines.length === 0 ? (
        <p className="empty">{t('noOutput')}</p>
      ) : (
        <div
          className="scroll console-lines"
          role="log"
          aria-label={t('console')}
          ref={scrollRef}
          onScroll={(e) => {
            const el = e.currentTarget
            follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < LINE_HEIGHT * 2
          }}
        >
          {items ? (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((i) => (
                <div
                  key={lines[i.index]!.key}
                  style={{ position: 'absolute', top: 0, transform: `translateY(${i.start}px)` }}
                >
                  <Line
                    line={lines[i.index]!}
                    colorOf={colorOf}
                    tornLabel={t('consoleView.torn')}
                  />
                </div>
              ))}
            </div>
          ) : (
            lines.map((l) => (
              <Line key={l.key} line={l} colorOf={colorOf} tornLabel={t('consoleView.torn')} />
            ))
          )}
        </div>
      )}
    </section>
  )
})

interface LineProps {
  line: ConsoleLine
  colorOf(pid: number): string
  tornLabel: string
}

const Line = memo(function Line({ line, colorOf, tornLabel }: LineProps): React.JSX.Element {
  return (
    <div
      className={`line${line.torn ? ' torn' : ''}`}
      data-testid="console-line"
      title={line.torn ? tornLabel : undefined}
    >
      {line.torn && (
        <span className="torn-mark" aria-label={tornLabel}>
          ⚡
        </span>
      )}
      {line.segments.map((s, i) => (
        <span key={i} className={`seg ${s.stream}`} style={{ color: colorOf(s.pid) }}>
          {(i === 0 || line.torn) && <span className="pid">[{s.pid}]</span>}
          {s.text}
        </span>
      ))}
    </div>
  )
})
