// The diagram's placement for a graph: made in a worker when the graph's shape changes (see
// layoutWorker); meanwhile boxes keep their last places and new ones wait in a row under the
// rest. Without Worker (unit tests) the layout is made at once.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { DiagramGraph } from './diagramGraph'
import type { Placement, Shape } from './diagramLayout'
import { NODE_H, NODE_W, layoutShape, shapeKey } from './diagramLayout'

export function useDiagramLayout(graph: DiagramGraph): Placement {
  const shape = useMemo(
    (): Shape => ({
      nodes: graph.nodes.map((n) => n.id),
      edges: graph.edges.map((e) => ({
        source: e.source,
        target: e.target,
        tree: e.kind === 'tree'
      }))
    }),
    [graph]
  )
  const key = useMemo(() => shapeKey(shape), [shape])
  const [done, setDone] = useState<{ key: string; placed: Placement }>({
    key: '',
    placed: new Map()
  })
  const worker = useRef<Worker | null>(null)
  const canWork = typeof Worker !== 'undefined'

  useEffect(() => {
    if (!canWork) return
    const w = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' })
    w.onmessage = (
      e: MessageEvent<{ key: string; placed: [string, { x: number; y: number }][] }>
    ) => setDone({ key: e.data.key, placed: new Map(e.data.placed) })
    worker.current = w
    return () => w.terminate()
  }, [canWork])
  useEffect(() => {
    if (canWork && key !== done.key) worker.current?.postMessage({ key, shape })
  }, [canWork, key, shape, done.key])

  return useMemo(() => {
    if (!canWork) return layoutShape(shape)
    if (done.key === key) return done.placed
    // until the worker answers: known boxes stay, new ones line up under them
    const placed: Placement = new Map()
    let bottom = 0
    for (const p of done.placed.values()) bottom = Math.max(bottom, p.y + NODE_H)
    let i = 0
    for (const id of shape.nodes) {
      const at = done.placed.get(id)
      if (at) placed.set(id, at)
      else
        placed.set(id, {
          x: (i % 16) * (NODE_W + 24),
          y: bottom + 56 + Math.floor(i++ / 16) * (NODE_H + 24)
        })
    }
    return placed
  }, [canWork, shape, key, done])
}
