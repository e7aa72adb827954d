// The diagram's placement for a graph: made in a worker when the graph's shape changes (see
// layoutWorker); meanwhile boxes keep their last places and new ones wait in a row under the
// rest. Without Worker (unit tests) the layout is made at once.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { DiagramGraph } from './diagramGraph'
import { sizeOf } from './diagramGraph'
import type { Placement, Shape } from './diagramLayout'
import { NODE_W, layoutShape, shapeKey } from './diagramLayout'

const GAP = 24
/** Boxes waiting for their places line up 16 to a row. */
const ROW_W = 16 * (NODE_W + GAP)

export function useDiagramLayout(graph: DiagramGraph): Placement {
  const shape = useMemo(
    (): Shape => ({
      nodes: graph.nodes.map((n) => ({ id: n.id, ...sizeOf(n) })),
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
    // until the worker answers: known boxes stay, new ones line up in rows under them
    const placed: Placement = new Map()
    const before = new Map(shape.nodes.map((n) => [n.id, n]))
    let y = 0
    for (const [id, p] of done.placed) y = Math.max(y, p.y + (before.get(id)?.height ?? 0))
    y += 2 * GAP
    let x = 0
    let rowH = 0
    for (const n of shape.nodes) {
      const at = done.placed.get(n.id)
      if (at) {
        placed.set(n.id, at)
        continue
      }
      if (x > 0 && x + n.width > ROW_W) {
        y += rowH + GAP
        x = rowH = 0
      }
      placed.set(n.id, { x, y })
      x += n.width + GAP
      rowH = Math.max(rowH, n.height)
    }
    return placed
  }, [canWork, shape, key, done])
}
