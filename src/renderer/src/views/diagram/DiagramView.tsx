// The run as a picture: the process tree, its channels and the messages moving between them.
// React Flow draws, pans, zooms and fits; dagre lays out (see diagramLayout). Each box is
// focusable with an accessible name (PID and state, or a channel's depth or holder), and so is
// each member inside an opened group; arrow keys move between boxes, Enter or a click selects
// one (the console then shows its output).
import '@xyflow/react/dist/style.css'
import type { Edge, ReactFlowInstance } from '@xyflow/react'
import { Controls, MarkerType, ReactFlow } from '@xyflow/react'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RunState } from '../../store/runState'
import { useReducedMotion } from '../../theme/useMediaQuery'
import type { DiagramNode } from './diagramGraph'
import { diagramGraph, pidsOf, sizeOf } from './diagramGraph'
import { contentKey, nodeLabel } from './diagramLabels'
import type { Box, JoinData } from './DiagramNodes'
import { FarClass, boxHandles, edgeTypes, nodeTypes } from './DiagramNodes'
import type { Size } from './diagramLayout'
import { NODE_H, NODE_W, memberOffset } from './diagramLayout'
import { useDiagramLayout } from './useDiagramLayout'
import { useProgressive } from './useProgressive'

const ORIGIN = { x: 0, y: 0 }
/** What can be focused and chosen: boxes, and the members inside an opened group. */
const BOXES = '.dmember, .react-flow__node'
/** Boxes of one size share one handles list. */
const handlesBySize = new Map<string, Box['handles']>()
function handlesFor(size: Size): Box['handles'] {
  const key = `${size.width}x${size.height}`
  let h = handlesBySize.get(key)
  if (!h) handlesBySize.set(key, (h = boxHandles(size)))
  return h
}

interface Props {
  run: RunState
  /** The selected process (its PIDs), or null. */
  chosen: readonly number[] | null
  onChoose(pids: readonly number[] | null): void
}

export const DiagramView = memo(function DiagramView({ run, chosen, onChoose }: Props) {
  const { t, i18n } = useTranslation()
  const still = useReducedMotion()
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const flow = useRef<ReactFlowInstance<Box, Edge> | null>(null)
  const canvas = useRef<HTMLDivElement>(null)
  const graph = useMemo(() => diagramGraph(run, expanded), [run, expanded])
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph])
  const at = useDiagramLayout(graph)

  // the boxes drawn so far (a step per frame; see useProgressive): names and boxes are made
  // for these only, as a name costs i18next calls
  const drawn = useProgressive(graph.nodes)
  // A box keeps its data object while what it draws is the same, and its node object while its
  // place is the same too, so React Flow and the memoised box bodies skip it: a seek, a sample
  // or a new layout redraws only what changed (at 256 processes, redrawing every box on every
  // update made frames of 200+ ms). Names are kept by content, as i18next's t() is not free.
  const boxCache = useRef(new Map<string, { sig: string; label: string; box: Box }>())
  const nodes = useMemo((): Box[] => {
    // an opened group is chosen as a whole only when all of it is; its members show their own
    const isChosen = (n: DiagramNode): boolean =>
      chosen !== null &&
      (n.kind === 'family'
        ? pidsOf(n).every((p) => chosen.includes(p))
        : pidsOf(n).some((p) => chosen.includes(p)))
    const prev = boxCache.current
    const next = new Map<string, { sig: string; label: string; box: Box }>()
    const out = drawn.map((n): Box => {
      const position = at.get(n.id) ?? ORIGIN
      const chose = isChosen(n)
      const members = n.kind === 'family' ? chosen : null
      const sig = `${contentKey(n)}|${chose}|${members?.join(',') ?? ''}|${i18n.language}`
      const old = prev.get(n.id)
      const same = old?.sig === sig
      const ariaLabel = same ? old.label : nodeLabel(t, n)
      const size = sizeOf(n)
      let box: Box
      if (same && old.box.position.x === position.x && old.box.position.y === position.y)
        box = old.box
      else
        box = {
          id: n.id,
          type: 'box',
          position,
          data: same
            ? old.box.data
            : {
                node: n,
                chosen: chose,
                t,
                ...(n.kind === 'group'
                  ? { onExpand: () => setExpanded((s) => new Set(s).add(n.id)) }
                  : {}),
                ...(n.kind === 'family'
                  ? { chosenPids: members, onFold: () => setExpanded((s) => without(s, n.id)) }
                  : {})
              },
          ariaLabel,
          ariaRole: n.kind === 'group' || n.kind === 'family' ? 'group' : 'button',
          ...(n.kind === 'family' ? { className: 'family' } : {}),
          // known sizes and handles: fitView counts boxes not yet drawn, and nothing is measured
          ...size,
          handles: handlesFor(size),
          measured: size,
          draggable: false,
          connectable: false
        }
      next.set(n.id, { sig, label: ariaLabel, box })
      return box
    })
    boxCache.current = next
    return out
  }, [drawn, at, chosen, t, i18n.language])

  const joinCache = useRef(new Map<string, { sig: string; join: Edge }>())
  const edges = useMemo((): Edge[] => {
    const prev = joinCache.current
    const next = new Map<string, { sig: string; join: Edge }>()
    const out = graph.edges.map((e): Edge => {
      const a = e.active
      const sig = `${e.source}>${e.target}|${e.state ?? ''}|${a ? `${a.count},${a.seq},${a.reverse}` : ''}|${still}`
      const old = prev.get(e.id)
      const join: Edge =
        old && old.sig === sig
          ? old.join
          : {
              id: e.id,
              source: e.source,
              target: e.target,
              type: 'join',
              focusable: false,
              selectable: false,
              data: { edge: e, still } satisfies JoinData,
              ...(e.kind === 'tree' || e.kind === 'lock'
                ? {}
                : {
                    markerEnd: { type: MarkerType.ArrowClosed },
                    ...(e.kind === 'pipe' ? { markerStart: { type: MarkerType.ArrowClosed } } : {})
                  })
            }
      next.set(e.id, { sig, join })
      return join
    })
    joinCache.current = next
    return out
  }, [graph, still])

  const complete = drawn === graph.nodes
  const drawnEdges = useMemo(() => {
    if (complete) return edges
    const ids = new Set(drawn.map((n) => n.id))
    return edges.filter((e) => ids.has(e.source) && ids.has(e.target))
  }, [complete, drawn, edges])

  /** A box or a member of an opened group, as drawn. */
  const choose = (el: HTMLElement): void => {
    if (el.dataset.pid) return onChoose([Number(el.dataset.pid)])
    const n = el.dataset.id ? byId.get(el.dataset.id) : undefined
    const pids = n ? pidsOf(n) : []
    onChoose(pids.length ? pids : null)
  }
  /** Brings a box or a member into view, at a zoom its text can be read. */
  const show = (el: HTMLElement): void => {
    const duration = still ? 0 : 200
    const { id, family, index } = el.dataset
    const place = family ? at.get(family) : undefined
    const n = family ? byId.get(family) : undefined
    if (place && n?.kind === 'family') {
      const o = memberOffset(Number(index), n.procs.length)
      const zoom = Math.max(flow.current?.getZoom() ?? 1, 1)
      void flow.current?.setCenter(place.x + o.x + NODE_W / 2, place.y + o.y + NODE_H / 2, {
        zoom,
        duration
      })
    } else if (id) void flow.current?.fitView({ nodes: [{ id }], maxZoom: 1, duration })
  }
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const target = e.target as HTMLElement
    const box = target.closest<HTMLElement>(BOXES)
    if (!box) return
    if (e.key === 'Enter' && target === box) {
      choose(box)
      return
    }
    const d =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? 1
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? -1
          : 0
    if (!d) return
    e.preventDefault()
    // in document order: an opened group, then its members
    const all = [...e.currentTarget.querySelectorAll<HTMLElement>(BOXES)]
    const next = all[(all.indexOf(box) + d + all.length) % all.length]
    if (!next) return
    next.focus()
    show(next)
  }

  // a new layout (a process started, a group opened) refits the picture, until the user pans
  // or zooms it themselves
  const userMoved = useRef(false)
  useEffect(() => {
    if (complete && !userMoved.current) void flow.current?.fitView({ duration: still ? 0 : 200 })
  }, [at, still, complete])

  const groups = expanded.size > 0
  return (
    <section aria-label={t('diagramView.label')} className="diagram view">
      <div className="view-toolbar">
        <span className="muted">{t('diagramView.help')}</span>
        {groups && (
          <button onClick={() => setExpanded(new Set())}>{t('diagramView.collapse')}</button>
        )}
        {chosen && (
          <>
            <span role="status">
              {chosen.length > 4
                ? t('diagramView.selectedMany', {
                    n: chosen.length,
                    first: chosen[0],
                    last: chosen.at(-1)
                  })
                : t('diagramView.selected', { pids: chosen.join(', ') })}
            </span>
            <button onClick={() => onChoose(null)}>{t('diagramView.clear')}</button>
          </>
        )}
      </div>
      <div className="diagram-canvas" ref={canvas} onKeyDown={onKeyDown} data-testid="diagram">
        <ReactFlow
          nodes={nodes}
          edges={drawnEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onInit={(i) => (flow.current = i)}
          onNodeClick={(e) => {
            const el = (e.target as HTMLElement).closest<HTMLElement>(BOXES)
            if (el) choose(el)
          }}
          onPaneClick={() => onChoose(null)}
          onMoveStart={(e) => {
            if (e) userMoved.current = true
          }}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          // every box stays drawn: culling those out of sight mounted and unmounted boxes by
          // the dozen on each pan or zoom step, and all 256 at once when zooming out
          onlyRenderVisibleElements={false}
          fitView
          minZoom={0.01}
          maxZoom={2}
          proOptions={{ hideAttribution: true }}
          colorMode="system"
        >
          <Controls showInteractive={false} />
          <FarClass canvas={canvas} />
        </ReactFlow>
      </div>
    </section>
  )
})

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set)
  next.delete(id)
  return next
}
