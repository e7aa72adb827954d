// What a box shows is its accessible name's words in the same order (axe's
// label-content-name-mismatch), spaced so they do not run together.
// The diagram's boxes and joins, drawn inside React Flow: a process (colour, name, PID, state,
// CPU), a folded group, a channel (a queue's fill level, a lock's holder and waiters, a pipe's
// messages, a pool's backlog), and a join along which recent messages travel as a dot.
import type { EdgeProps, Node, NodeProps } from '@xyflow/react'
import { BaseEdge, Handle, Position, getBezierPath, useStore } from '@xyflow/react'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Channel } from '../../store/diagramModel'
import { HOST_COLOR, procColor } from '../../theme/colorMap'
import { formatPercent } from '../../util/format'
import type { DiagramEdge, DiagramNode } from './diagramGraph'
import { stateText } from '../processes/ProcessTable'
import { channelLabel } from './diagramLabels'

export type BoxData = { node: DiagramNode; chosen: boolean; onExpand?: () => void }
export type Box = Node<BoxData>

/** Below this zoom a box's text is under 4 px: boxes draw as their outline and colour only
 *  (a tenth of the DOM nodes), so 256 processes fitted in view stay cheap to draw and move. */
export const FAR_ZOOM = 0.3
const farSelector = (s: { transform: [number, number, number] }): boolean =>
  s.transform[2] < FAR_ZOOM

const handles = (
  <>
    <Handle type="target" position={Position.Top} isConnectable={false} />
    <Handle type="source" position={Position.Bottom} isConnectable={false} />
  </>
)

/** React Flow passes a box its place too; the body redraws only when its data or the
 *  near/far level changes, not when a new layout moves it. */
function ProcBox({ data }: NodeProps<Box>): React.JSX.Element {
  // a boolean: the box redraws when the zoom crosses FAR_ZOOM, not on every zoom step
  const far = useStore(farSelector)
  return <BoxBody data={data} far={far} />
}

const BoxBody = memo(function BoxBody({ data, far }: { data: BoxData; far: boolean }) {
  const { t } = useTranslation()
  const n = data.node
  const cls = `dbox${data.chosen ? ' chosen' : ''}`
  if (far)
    return (
      <div
        className={`${cls} far ${n.kind === 'channel' ? `dchan ${n.channel.kind}` : ''}${n.kind === 'proc' && n.proc.end !== null ? ' ended' : ''}`}
        style={{
          borderLeftColor: n.kind === 'proc' ? procColor(n.proc.order) : HOST_COLOR
        }}
        aria-hidden="true"
      >
        {handles}
      </div>
    )
  if (n.kind === 'host')
    return (
      <div className={cls} style={{ borderLeftColor: HOST_COLOR }} aria-hidden="true">
        {handles}
        <strong>{t('host')}</strong> <span className="dpid">PID {n.pid ?? '?'}</span>{' '}
        <span className="dstate">
          {t(n.live ? 'diagramView.hostLive' : 'diagramView.hostDone')}
        </span>{' '}
        <span className="dcpu">CPU {formatPercent(n.cpu)}</span>
      </div>
    )
  if (n.kind === 'group')
    return (
      <div className={`${cls} dgroup`} style={{ borderLeftColor: HOST_COLOR }}>
        {handles}
        <strong aria-hidden="true">
          {n.pids.length} × {n.role}
        </strong>
        <span className="dstate" aria-hidden="true">
          {n.running} ▶ · {n.exited} ■ · CPU {formatPercent(n.cpu)}
        </span>
        <button className="nodrag" onClick={data.onExpand}>
          {t('diagramView.expand')}
        </button>
      </div>
    )
  if (n.kind === 'proc') {
    const p = n.proc
    const ended = p.end !== null
    return (
      <div
        className={`${cls}${ended ? ' ended' : ''}`}
        style={{ borderLeftColor: procColor(p.order) }}
        aria-hidden="true"
      >
        {handles}
        <strong>{p.name}</strong>{' '}
        <span className="dpid">
          ({p.role}) PID {p.pid}
        </span>{' '}
        <span className="dstate">{stateText(t, p)}</span>{' '}
        <span className="dcpu">{ended ? '' : `CPU ${formatPercent(p.cpu)}`}</span>
      </div>
    )
  }
  return <ChannelBody channel={n.channel} chosen={data.chosen} />
})

function ChannelBody({ channel: c, chosen }: { channel: Channel; chosen: boolean }) {
  const { t } = useTranslation()
  const label = channelLabel(t, c)
  // a queue fills against its maxsize (or the most it has held when unbounded)
  const cap = c.kind === 'queue' ? c.maxsize || Math.max(c.depth, 1) : Math.max(c.depth, 1)
  const fill = c.kind === 'queue' || c.kind === 'pool' ? Math.min(1, c.depth / cap) : null
  return (
    <div className={`dbox dchan ${c.kind}${chosen ? ' chosen' : ''}`} aria-hidden="true">
      {handles}
      {/* the name's head: the kind in the reader's language, then the channel's name */}
      <strong>{label.split(': ')[0]}</strong>{' '}
      <span className="dstate">{label.split(': ').slice(1).join(': ')}</span>{' '}
      {fill !== null && (
        <span className="dfill">
          <span style={{ width: `${fill * 100}%` }} />
        </span>
      )}
      {/* a pipe's label already counts its messages */}
      {(c.kind === 'queue' || c.kind === 'pool') && (
        <span className="dcpu">{t('diagramView.messages', { n: c.messages })}</span>
      )}
    </div>
  )
}

export type JoinData = { edge: DiagramEdge; still: boolean }

export const Join = memo(function Join(props: EdgeProps & { data?: JoinData }) {
  const { t } = useTranslation()
  // zoomed out, a travelling dot is too small to follow and repaints the whole picture
  const far = useStore(farSelector)
  const [path, lx, ly] = getBezierPath(props)
  const e = props.data?.edge
  const a = e?.active
  const cls = `djoin ${e?.kind ?? ''} ${e?.state ?? ''}`
  return (
    <>
      <BaseEdge id={props.id} path={path} className={cls} markerEnd={props.markerEnd} />
      {a && (
        <g className="dmove" aria-label={t('diagramView.moving', { n: a.count })} role="img">
          {props.data?.still || far ? (
            <circle r={5} cx={lx} cy={ly} />
          ) : (
            // keyed by the newest movement: a new one restarts the trip
            <circle key={a.seq} r={5}>
              <animateMotion
                dur="0.9s"
                fill="freeze"
                path={path}
                keyPoints={a.reverse ? '1;0' : '0;1'}
                keyTimes="0;1"
                calcMode="linear"
              />
            </circle>
          )}
          {a.count > 1 && (
            <text x={lx + 8} y={ly - 6}>
              ×{a.count}
            </text>
          )}
        </g>
      )}
    </>
  )
})

export const nodeTypes = { box: ProcBox }
export const edgeTypes = { join: Join }
