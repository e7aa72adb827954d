// One lane per process: alive span, tasks as bars, lock waits and holds, pipe messages as
// arrows between lanes, output writes as ticks. Zoom (buttons, Ctrl+wheel, +/−) and pan
// (drag, Shift+wheel, arrow keys); until the user zooms it follows the whole run. What is
// drawn is reduced to the pixels first (see timelineLayout), so the SVG stays small.
import { memo, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useElementSize } from '../../hooks/useElementSize'
import type { RunState } from '../../store/runState'
import { MAX_SPANS } from '../../store/timelineModel'
import { readableText } from '../../theme/readableText'
import { useColorScheme } from '../../theme/useColorScheme'
import { formatMs } from '../../util/format'
import { QueueMarksLayer } from './QueueMarksLayer'
import type { Window } from './timelineLayout'
import { arrowLines, laneRects, lanesOf, pan, tickColumns, timeTicks, zoom } from './timelineLayout'

const LABEL_W = 160
const LANE_H = 22
const AXIS_H = 20
const KIND_STYLE = {
  task: { y: 4, h: 14, className: 'span-task' },
  'lock-wait': { y: 13, h: 6, className: 'span-wait' },
  'lock-hold': { y: 13, h: 6, className: 'span-hold' },
  'queue-wait': { y: 13, h: 6, className: 'span-qwait' }
} as const

export const TimelineView = memo(function TimelineView({
  run,
  span,
  chosen = null,
  label
}: {
  run: RunState
  /** The time the whole view spans (side by side: the longer run's), else the run's own. */
  span?: number
  /** Processes chosen in another view (the diagram): their lanes are highlighted. */
  chosen?: readonly number[] | null
  /** The region's name where several timelines share a page (side by side). */
  label?: string
}): React.JSX.Element {
  const { t } = useTranslation()
  const scheme = useColorScheme()
  const [ref, size] = useElementSize<HTMLDivElement>({ width: 800, height: 300 })
  const [view, setView] = useState<Window | null>(null)
  const drag = useRef<{ x: number; w: Window } | null>(null)
  const max = Math.max(span ?? run.lastT, 1)
  const w = view ?? { start: 0, end: max }
  const plotW = Math.max(100, size.width - LABEL_W - 8)
  const scale = plotW / (w.end - w.start)
  const xOf = (time: number): number => LABEL_W + (time - w.start) * scale

  const lanes = useMemo(() => lanesOf(run, t('host')), [run, t])
  const laneIndex = useMemo(() => new Map(lanes.map((l, i) => [l.pid, i])), [lanes])
  const { spans, open, arrows, ticks, closes, totals } = run.timeline
  const rects = useMemo(
    () => laneRects(spans, [...open.values()], run.lastT, w, plotW),
    // w is a fresh object each render; its bounds are what matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [spans, open, run.lastT, w.start, w.end, plotW]
  )
  const tickCols = useMemo(
    () => tickColumns(ticks, w, plotW),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ticks, w.start, w.end, plotW]
  )
  const arrowList = useMemo(
    () => arrowLines(arrows, w, plotW),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [arrows, w.start, w.end, plotW]
  )
  const height = AXIS_H + lanes.length * LANE_H + 4
  const laneY = (pid: number): number | undefined => {
    const i = laneIndex.get(pid)
    return i === undefined ? undefined : AXIS_H + i * LANE_H
  }
  const zoomBy = (f: number, at = (w.start + w.end) / 2): void => setView(zoom(w, f, at, max))
  const panBy = (dt: number): void => setView(pan(w, dt, max))
  const visible = (time: number): boolean => time >= w.start && time <= w.end

  return (
    <section aria-label={label ?? t('timeline')} className="timeline view">
      <div className="view-toolbar">
        <button onClick={() => zoomBy(0.5)}>{t('timelineView.zoomIn')}</button>
        <button onClick={() => zoomBy(2)}>{t('timelineView.zoomOut')}</button>
        <button onClick={() => setView(null)} disabled={view === null}>
          {t('timelineView.reset')}
        </button>
        <span className="muted">
          {formatMs(w.start)} – {formatMs(w.end)} ·{' '}
          {t('timelineView.summary', {
            lanes: lanes.length,
            spans: totals.spans,
            arrows: totals.arrows,
            ticks: totals.ticks,
            puts: run.queueMarks.totals.puts,
            gets: run.queueMarks.totals.gets
          })}
          {totals.spans > MAX_SPANS && ` · ${t('timelineView.truncated', { n: MAX_SPANS })}`}
        </span>
      </div>
      <Legend />
      <div className="scroll" ref={ref}>
        <svg
          width={size.width}
          height={height}
          tabIndex={0}
          role="img"
          aria-label={`${t('timeline')}: ${t('timelineView.help')}`}
          className="timeline-svg"
          onKeyDown={(e) => {
            const step = (w.end - w.start) / 10
            const keys: Record<string, () => void> = {
              '+': () => zoomBy(0.5),
              '=': () => zoomBy(0.5),
              '-': () => zoomBy(2),
              '0': () => setView(null),
              ArrowLeft: () => panBy(-step),
              ArrowRight: () => panBy(step)
            }
            const act = keys[e.key]
            if (act && !e.altKey && !e.ctrlKey && !e.metaKey) {
              e.preventDefault()
              act()
            }
          }}
          onWheel={(e) => {
            if (e.ctrlKey)
              zoomBy(e.deltaY > 0 ? 1.25 : 0.8, w.start + (e.nativeEvent.offsetX - LABEL_W) / scale)
            else if (e.shiftKey) panBy(((e.deltaY || e.deltaX) / plotW) * (w.end - w.start))
          }}
          onPointerDown={(e) => {
            drag.current = { x: e.clientX, w }
            e.currentTarget.setPointerCapture?.(e.pointerId)
          }}
          onPointerMove={(e) => {
            if (drag.current)
              setView(pan(drag.current.w, -(e.clientX - drag.current.x) / scale, max))
          }}
          onPointerUp={() => (drag.current = null)}
        >
          <defs>
            <marker id="arrowhead" markerWidth="6" markerHeight="6" refX="5" refY="3" orient="auto">
              <path d="M0,0 L6,3 L0,6 z" className="arrow-head" />
            </marker>
          </defs>
          {timeTicks(w, plotW).map((v) => (
            <g key={v}>
              <line x1={xOf(v)} x2={xOf(v)} y1={AXIS_H - 4} y2={height} className="grid-line" />
              <text
                x={xOf(v) + (xOf(v) > size.width - 60 ? -2 : 2)}
                y={12}
                className="axis-text"
                textAnchor={xOf(v) > size.width - 60 ? 'end' : 'start'}
              >
                {formatMs(v)}
              </text>
            </g>
          ))}
          {lanes.map((lane, i) => {
            const y = AXIS_H + i * LANE_H
            const x0 = xOf(Math.max(lane.start, w.start))
            const x1 = xOf(Math.min(lane.end, w.end))
            return (
              <g
                key={lane.pid}
                className={`lane${lane.ended ? ' ended' : ''}${chosen?.includes(lane.pid) ? ' chosen' : ''}`}
                data-pid={lane.pid}
              >
                {chosen?.includes(lane.pid) && (
                  <rect x={0} y={y} width={size.width} height={LANE_H} className="lane-chosen" />
                )}
                <text
                  x={4}
                  y={y + 15}
                  className="lane-label"
                  style={{ fill: readableText(lane.color, scheme) }}
                >
                  {lane.label}
                </text>
                {x1 > x0 && (
                  <rect
                    x={x0}
                    y={y + 9}
                    width={x1 - x0}
                    height={4}
                    fill={lane.color}
                    opacity={0.35}
                  >
                    <title>{`${lane.label}: ${formatMs(lane.start)} – ${formatMs(lane.end)}`}</title>
                  </rect>
                )}
                {lane.ended && lane.end >= w.start && lane.end <= w.end && (
                  <line
                    x1={xOf(lane.end)}
                    x2={xOf(lane.end)}
                    y1={y + 3}
                    y2={y + 19}
                    className="exit-mark"
                    stroke={lane.color}
                  >
                    <title>{`${lane.label}: ${lane.exitText}`}</title>
                  </line>
                )}
                {rects.get(lane.pid)?.map((r, k) => {
                  const s = KIND_STYLE[r.kind]
                  return (
                    <rect
                      key={k}
                      x={LABEL_W + r.x}
                      y={y + s.y - 2}
                      width={r.w > 4 ? r.w - 1 : r.w}
                      height={s.h}
                      className={`${s.className}${r.failed ? ' failed' : ''}`}
                      fill={r.kind === 'task' ? lane.color : undefined}
                    >
                      <title>{r.count > 1 ? `${r.label} ×${r.count}` : r.label}</title>
                    </rect>
                  )
                })}
              </g>
            )
          })}
          {[...tickCols].map(([pid, cols]) => {
            const y = laneY(pid)
            // one path per lane: a mark per pixel column with output in it
            return y === undefined ? null : (
              <path
                key={pid}
                d={cols.map((x) => `M${LABEL_W + x},${y + 1}v6`).join('')}
                className="out-tick"
              />
            )
          })}
          {closes
            .filter((c) => visible(c.t))
            .map((c, i) => {
              const y = laneY(c.pid)
              return y === undefined ? null : (
                <circle key={`c${i}`} cx={xOf(c.t)} cy={y + 11} r={3.5} className="pipe-close">
                  <title>{`${c.pipe}: ${t('timelineView.legendClose')} (${c.pid})`}</title>
                </circle>
              )
            })}
          <QueueMarksLayer
            queue={run.queueMarks}
            w={w}
            plotW={plotW}
            left={LABEL_W}
            laneY={laneY}
          />
          {arrowList.map((a) => {
            const y1 = laneY(a.from)
            const y2 = laneY(a.to)
            if (y1 === undefined || y2 === undefined) return null
            return (
              <line
                key={`${a.pipe}:${a.from}:${a.to}:${Math.round(a.x1)}:${Math.round(a.x2)}`}
                x1={LABEL_W + a.x1}
                y1={y1 + 11}
                x2={LABEL_W + a.x2}
                y2={y2 + 11}
                className="pipe-arrow"
                markerEnd="url(#arrowhead)"
              >
                <title>{`${a.pipe}: ${a.from} → ${a.to}, ${a.count > 1 ? `×${a.count}, ` : ''}${a.bytes} B`}</title>
              </line>
            )
          })}
        </svg>
      </div>
    </section>
  )
})

function Legend(): React.JSX.Element {
  const { t } = useTranslation()
  const items = [
    ['legend-alive', t('timelineView.legendAlive')],
    ['legend-task', t('timelineView.legendTask')],
    ['span-wait', t('timelineView.legendWait')],
    ['span-hold', t('timelineView.legendHold')],
    ['span-qwait', t('timelineView.legendQueueWait')],
    ['legend-pipe', t('timelineView.legendPipe')],
    ['legend-put', t('timelineView.legendPut')],
    ['legend-get', t('timelineView.legendGet')],
    ['legend-out', t('timelineView.legendOut')],
    ['legend-close', t('timelineView.legendClose')]
  ] as const
  return (
    <ul className="legend">
      {items.map(([cls, label]) => (
        <li key={cls}>
          <span className={`legend-swatch ${cls}`} aria-hidden="true" /> {label}
        </li>
      ))}
    </ul>
  )
}
