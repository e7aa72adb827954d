// What a box shows is its accessible name's words in the same order (axe's
// label-content-name-mismatch), spaced so they do not run together.
// The diagram's boxes and joins, drawn inside React Flow: a process (colour, name, PID, state,
// CPU), a folded group, an opened group with its members in a grid, a channel (a queue's fill
// level, a lock's holder and waiters, a pipe's messages, a pool's backlog), and a join along
// which recent messages travel as a dot.
import type { EdgeProps, Node, NodeHandle, NodeProps } from '@xyflow/react'
import { BaseEdge, Position, getBezierPath, useStore } from '@xyflow/react'
import type { TFunction } from 'i18next'
import type { RefObject } from 'react'
import { memo, useLayoutEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Channel } from '../../store/diagramModel'
import type { ProcRow } from '../../store/runState'
import { HOST_COLOR, procColor } from '../../theme/colorMap'
import { formatPercent } from '../../util/format'
import type { DiagramEdge, DiagramNode } from './diagramGraph'
import { channelLabel, procKey, procLabel, procState } from './diagramLabels'
import type { Size } from './diagramLayout'
import { FAMILY, memberOffset } from './diagramLayout'
import { useProgressive } from './useProgressive'

/** `t` comes with the data (the view's, replaced with the data when the language changes):
 *  a useTranslation per box cost more than the rest of its drawing at 256 boxes. */
export type BoxData = {
  node: DiagramNode
  /** The whole box is selected (for an opened group: all its members). */
  chosen: boolean
  /** An opened group's: the selected PIDs (its members among them are marked). */
  chosenPids?: readonly number[] | null
  t: TFunction
  onExpand?: () => void
  onFold?: () => void
}
export type Box = Node<BoxData>
type GroupNode = Extract<DiagramNode, { kind: 'group' }>
type FamilyNode = Extract<DiagramNode, { kind: 'family' }>

/** Below this zoom a box's text is under 4 px: the canvas gets the class `far` and boxes draw
 *  as their outline and colour only (diagram.css hides their insides), so 256 processes fitted
 *  in view stay cheap to draw and move, and crossing it redraws no box. */
export const FAR_ZOOM = 0.3
const farSelector = (s: { transform: [number, number, number] }): boolean =>
  s.transform[2] < FAR_ZOOM

/** Marks `canvas` with the class `far` while the zoom is under FAR_ZOOM: a class, not state,
 *  so crossing it redraws no box (diagram.css hides their insides). */
export function FarClass({ canvas }: { canvas: RefObject<HTMLElement | null> }): null {
  const far = useStore(farSelector)
  useLayoutEffect(() => {
    canvas.current?.classList.toggle('far', far)
  }, [canvas, far])
  return null
}

/** Where joins meet a box (top middle in, bottom middle out), given with each box: React Flow
 *  then neither measures a box nor its handles as it mounts (a measuring pass and a store
 *  update per batch of boxes, most of a frame at 256 boxes), and no Handle is drawn. */
export function boxHandles({ width, height }: Size): NodeHandle[] {
  return [
    { type: 'target', position: Position.Top, x: width / 2, y: 0, width: 0, height: 0 },
    { type: 'source', position: Position.Bottom, x: width / 2, y: height, width: 0, height: 0 }
  ]
}

/** React Flow passes a box its place too; the body redraws only when its data changes, not
 *  when a new layout moves it. */
function ProcBox({ data }: NodeProps<Box>): React.JSX.Element {
  return <BoxBody data={data} />
}

const BoxBody = memo(function BoxBody({ data }: { data: BoxData }) {
  const { t, node: n } = data
  const cls = `dbox${data.chosen ? ' chosen' : ''}`
  if (n.kind === 'host')
    return (
      <div className={cls} style={{ borderLeftColor: HOST_COLOR }} aria-hidden="true">
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
        <GroupHead n={n} action={t('diagramView.expand')} onAction={data.onExpand} />
      </div>
    )
  if (n.kind === 'proc')
    return (
      <div
        className={`${cls}${n.proc.end !== null ? ' ended' : ''}`}
        style={{ borderLeftColor: procColor(n.proc.order) }}
        aria-hidden="true"
      >
        <ProcFace t={t} p={n.proc} />
      </div>
    )
  if (n.kind === 'family') return <FamilyBody data={data} n={n} />
  return <ChannelBody t={t} channel={n.channel} chosen={data.chosen} />
})

/** A group's heading, folded or opened: how many of what, their states and CPU, and the button
 *  that opens or folds it (that, and not also choosing the group: a click on its box). */
function GroupHead({
  n,
  action,
  onAction
}: {
  n: GroupNode | FamilyNode
  action: string
  onAction: (() => void) | undefined
}): React.JSX.Element {
  return (
    <>
      <strong aria-hidden="true">
        {n.running + n.exited} × {n.role}
      </strong>
      <span className="dstate" aria-hidden="true">
        {n.running} ▶ · {n.exited} ■ · CPU {formatPercent(n.cpu)}
      </span>
      <button
        className="nodrag"
        onClick={(e) => {
          e.stopPropagation()
          onAction?.()
        }}
      >
        {action}
      </button>
    </>
  )
}

function ProcFace({ t, p }: { t: TFunction; p: ProcRow }): React.JSX.Element {
  return (
    <>
      <strong>{p.name}</strong>{' '}
      <span className="dpid">
        ({p.role}) PID {p.pid}
      </span>{' '}
      <span className="dstate">{procState(t, p)}</span>{' '}
      <span className="dcpu">{p.end !== null ? '' : `CPU ${formatPercent(p.cpu)}`}</span>
    </>
  )
}

/** An opened group: its heading, a button to fold it, and each member as a box of its own
 *  (focusable, named, selectable), placed where diagramLayout's memberOffset says (the view
 *  centres a member it moves the focus to by the same offsets). */
function FamilyBody({ data, n }: { data: BoxData; n: FamilyNode }): React.JSX.Element {
  const { t, chosenPids } = data
  const procs = n.procs
  // members appear a step per frame, as boxes do (opening 256 at once was a 130 ms frame)
  const drawn = useProgressive(procs, MEMBER_STEP, pidOf)
  const indexOf = useMemo(() => new Map(procs.map((p, i) => [p.pid, i])), [procs])
  return (
    <div className={`dfamily${data.chosen ? ' chosen' : ''}`}>
      <div className="dfamily-head" style={{ left: FAMILY.pad, height: FAMILY.head }}>
        <GroupHead n={n} action={t('diagramView.fold')} onAction={data.onFold} />
      </div>
      {drawn.map((p) => (
        <Member
          key={p.pid}
          t={t}
          p={p}
          family={n.id}
          index={indexOf.get(p.pid)!}
          count={procs.length}
          chosen={chosenPids?.includes(p.pid) ?? false}
          moving={n.moving.includes(p.pid)}
        />
      ))}
    </div>
  )
}

const pidOf = (p: ProcRow): number => p.pid
const MEMBER_STEP = 32

interface MemberProps {
  t: TFunction
  p: ProcRow
  family: string
  /** Its place among the group's `count` members. */
  index: number
  count: number
  chosen: boolean
  moving: boolean
}

/** One process inside an opened group. Redrawn only when what it shows changes: a sample
 *  gives every member a new row, most of them equal to the last. */
const Member = memo(
  function Member({ t, p, family, index, count, chosen, moving }: MemberProps) {
    const at = memberOffset(index, count)
    const cls = `dbox dmember${p.end !== null ? ' ended' : ''}${chosen ? ' chosen' : ''}${moving ? ' moving' : ''}`
    return (
      <div
        role="button"
        tabIndex={0}
        aria-label={procLabel(t, p)}
        className={cls}
        // placed by its index: members still to be drawn keep their places
        style={{ borderLeftColor: procColor(p.order), left: at.x, top: at.y }}
        data-pid={p.pid}
        data-family={family}
        data-index={index}
      >
        <ProcFace t={t} p={p} />
      </div>
    )
  },
  (a, b) =>
    a.t === b.t &&
    a.family === b.family &&
    a.index === b.index &&
    a.count === b.count &&
    a.chosen === b.chosen &&
    a.moving === b.moving &&
    (a.p === b.p || procKey(a.p) === procKey(b.p))
)

function ChannelBody({
  t,
  channel: c,
  chosen
}: {
  t: TFunction
  channel: Channel
  chosen: boolean
}) {
  const label = channelLabel(t, c)
  // a queue fills against its maxsize (or the most it has held when unbounded)
  const cap = c.kind === 'queue' ? c.maxsize || Math.max(c.depth, 1) : Math.max(c.depth, 1)
  const fill = c.kind === 'queue' || c.kind === 'pool' ? Math.min(1, c.depth / cap) : null
  return (
    <div className={`dbox dchan ${c.kind}${chosen ? ' chosen' : ''}`} aria-hidden="true">
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
  const [path, lx, ly] = getBezierPath(props)
  const e = props.data?.edge
  const a = e?.active
  const cls = `djoin ${e?.kind ?? ''} ${e?.state ?? ''}`
  return (
    <>
      <BaseEdge id={props.id} path={path} className={cls} markerEnd={props.markerEnd} />
      {a && <Moving moved={a} path={path} x={lx} y={ly} still={props.data?.still ?? false} />}
    </>
  )
})

/** Recent messages on a join. Only a join that has some watches the zoom (a travelling dot
 *  zoomed out is too small to follow and repaints the whole picture). */
function Moving({
  moved: a,
  path,
  x,
  y,
  still
}: {
  moved: NonNullable<DiagramEdge['active']>
  path: string
  x: number
  y: number
  still: boolean
}): React.JSX.Element {
  const { t } = useTranslation()
  const far = useStore(farSelector)
  return (
    <g className="dmove" aria-label={t('diagramView.moving', { n: a.count })} role="img">
      {still || far ? (
        <circle r={5} cx={x} cy={y} />
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
        <text x={x + 8} y={y - 6}>
          ×{a.count}
        </text>
      )}
    </g>
  )
}

export const nodeTypes = { box: ProcBox }
export const edgeTypes = { join: Join }
