// The run as a picture: the process tree, its channels and the messages moving between them.
// React Flow draws, pans, zooms and fits; dagre lays out (see diagramLayout). Each box is
// focusable with an accessible name (PID and state, or a channel's depth or holder); arrow keys
// move between boxes, Enter or a click selects one (the console then shows its output).
import '@xyflow/react/dist/style.css'
import type { Edge, ReactFlowInstance } from '@xyflow/react'
import { Controls, MarkerType, ReactFlow } from '@xyflow/react'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RunState } from '../../store/runState'
import { useReducedMotion } from '../../theme/useMediaQuery'
import type { DiagramNode } from './diagramGraph'
import { diagramGraph, pidsOf } from './diagramGraph'
import { nodeLabel } from './diagramLabels'
import type { Box, JoinData } from './DiagramNodes'
import { edgeTypes, nodeTypes } from './DiagramNodes'
import { NODE_H, NODE_W } from './diagramLayout'
import { useDiagramLayout } from './useDiagramLayout'

interface Props {
  run: RunState
  /** The selected process (its PIDs), or null. */
  chosen: readonly number[] | null
  onChoose(pids: readonly number[] | null): void
}

export const DiagramView = memo(function DiagramView({ run, chosen, onChoose }: Props) {
  const { t } = useTranslation()
  const still = useReducedMotion()
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const flow = useRef<ReactFlowInstance<Box, Edge> | null>(null)
  const graph = useMemo(() => diagramGraph(run, expanded), [run, expanded])
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph])
  const at = useDiagramLayout(graph)

  const nodes = useMemo((): Box[] => {
    const isChosen = (n: DiagramNode): boolean =>
      chosen !== null && pidsOf(n).some((p) => chosen.includes(p))
    return graph.nodes.map((n) => ({
      id: n.id,
      type: 'box',
      position: at.get(n.id) ?? { x: 0, y: 0 },
      data: {
        node: n,
        chosen: isChosen(n),
        ...(n.kind === 'group' ? { onExpand: () => setExpanded((s) => new Set(s).add(n.id)) } : {})
      },
      ariaLabel: nodeLabel(t, n),
      ariaRole: n.kind === 'group' ? 'group' : 'button',
      // known sizes: fitView counts boxes not yet drawn (only those in sight are)
      width: NODE_W,
      height: NODE_H,
      draggable: false,
      connectable: false
    }))
  }, [graph, at, chosen, t])

  const edges = useMemo(
    (): Edge[] =>
      graph.edges.map((e) => ({
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
      })),
    [graph, still]
  )

  const choose = (id: string | undefined): void => {
    const n = id ? byId.get(id) : undefined
    const pids = n ? pidsOf(n) : []
    onChoose(pids.length ? pids : null)
  }
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const box = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node')
    if (!box) return
    if (e.key === 'Enter' && e.target === box) {
      choose(box.dataset.id)
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
    const all = [...e.currentTarget.querySelectorAll<HTMLElement>('.react-flow__node')]
    const next = all[(all.indexOf(box) + d + all.length) % all.length]
    next?.focus()
    const id = next?.dataset.id
    if (id) void flow.current?.fitView({ nodes: [{ id }], maxZoom: 1, duration: still ? 0 : 200 })
  }

  // a new layout (a process started, a group opened) refits the picture, until the user pans
  // or zooms it themselves
  const userMoved = useRef(false)
  useEffect(() => {
    if (!userMoved.current) void flow.current?.fitView({ duration: still ? 0 : 200 })
  }, [at, still])

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
            <span role="status">{t('diagramView.selected', { pids: chosen.join(', ') })}</span>
            <button onClick={() => onChoose(null)}>{t('diagramView.clear')}</button>
          </>
        )}
      </div>
      <div className="diagram-canvas" onKeyDown={onKeyDown} data-testid="diagram">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onInit={(i) => (flow.current = i)}
          onNodeClick={(_, n) => choose(n.id)}
          onPaneClick={() => onChoose(null)}
          onMoveStart={(e) => {
            if (e) userMoved.current = true
          }}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          onlyRenderVisibleElements
          fitView
          minZoom={0.01}
          maxZoom={2}
          proOptions={{ hideAttribution: true }}
          colorMode="system"
        >
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </section>
  )
})
