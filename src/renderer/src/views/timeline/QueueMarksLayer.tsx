// Queue messages on the timeline: a put (▲) and a get (▼) on their processes' lanes, a dashed
// arrow from each put to the get that took it. Hovering shows what a mark stands for (message
// number, the queue's depth then, time); so does focusing it when few are drawn.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QueueMarksState } from '../../store/queueMarks'
import { formatMs } from '../../util/format'
import { markColumns } from './queueMarkLayout'
import type { Window } from './timelineLayout'
import { arrowLines } from './timelineLayout'

/** Marks are keyboard stops only while there are this few (a dense run draws thousands). */
const FOCUSABLE_UP_TO = 200

interface Props {
  queue: QueueMarksState
  w: Window
  plotW: number
  left: number
  laneY(pid: number): number | undefined
}

export function QueueMarksLayer({ queue, w, plotW, left, laneY }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null)
  const cols = useMemo(
    () => markColumns(queue.marks, w, plotW),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queue.marks, w.start, w.end, plotW]
  )
  const lines = useMemo(
    () =>
      arrowLines(
        queue.links.map((l) => ({
          pipe: l.queue,
          from: l.from,
          to: l.to,
          tSend: l.tPut,
          tRecv: l.tGet,
          bytes: 0,
          count: 1
        })),
        w,
        plotW
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queue.links, w.start, w.end, plotW]
  )
  const focusable = cols.length <= FOCUSABLE_UP_TO
  return (
    <g className="queue-marks">
      {lines.map((l) => {
        const y1 = laneY(l.from)
        const y2 = laneY(l.to)
        if (y1 === undefined || y2 === undefined) return null
        return (
          <line
            key={`${l.pipe}:${l.from}:${l.to}:${Math.round(l.x1)}:${Math.round(l.x2)}`}
            x1={left + l.x1}
            y1={y1 + 6}
            x2={left + l.x2}
            y2={y2 + 16}
            className="queue-link"
            markerEnd="url(#arrowhead)"
          >
            <title>{t('timelineView.queueLink', { queue: l.pipe, n: l.count })}</title>
          </line>
        )
      })}
      {cols.map((c) => {
        const y = laneY(c.pid)
        if (y === undefined) return null
        const x = left + c.x
        const m = c.last
        const text =
          t(c.op === 'put' ? 'timelineView.put' : 'timelineView.get', {
            msg: m.msg,
            queue: m.queue,
            depth: m.depth,
            time: formatMs(m.t)
          }) + (c.count > 1 ? ` ${t('timelineView.andMore', { n: c.count - 1 })}` : '')
        const d = c.op === 'put' ? `M${x - 4},${y + 9}h8l-4,-7z` : `M${x - 4},${y + 13}h8l-4,7z`
        return (
          <path
            key={`${c.pid}:${c.op}:${c.x}`}
            d={d}
            className={`queue-mark ${c.op}`}
            role="img"
            aria-label={text}
            data-op={c.op}
            tabIndex={focusable ? 0 : undefined}
            onFocus={() => setTip({ x, y, text })}
            onBlur={() => setTip(null)}
          >
            <title>{text}</title>
          </path>
        )
      })}
      {tip && (
        <text x={tip.x + 8} y={tip.y + 4} className="queue-tip" aria-hidden="true">
          {tip.text}
        </text>
      )}
    </g>
  )
}
