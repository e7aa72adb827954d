// Places the diagram's nodes with dagre (a layered layout: the host on top, its children below,
// channels where the joins pull them). Only the graph's shape matters, so a layout is kept for
// a shape and reused while only the states inside the boxes change.
import dagre from '@dagrejs/dagre'
import type { DiagramGraph } from './diagramGraph'

export const NODE_W = 190
export const NODE_H = 74

export interface Placed {
  x: number
  y: number
}

/** The key of a graph's shape: its nodes and edges, not their states. */
export function shapeKey(g: DiagramGraph): string {
  return `${g.nodes.map((n) => n.id).join(',')}|${g.edges.map((e) => e.id).join(',')}`
}

export function layoutDiagram(g: DiagramGraph): Map<string, Placed> {
  const graph = new dagre.graphlib.Graph()
  graph.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 56, marginx: 8, marginy: 8 })
  graph.setDefaultEdgeLabel(() => ({}))
  for (const n of g.nodes) graph.setNode(n.id, { width: NODE_W, height: NODE_H })
  for (const e of g.edges) {
    // the tree sets the ranks; a channel's joins only pull it near its users
    graph.setEdge(e.source, e.target, { weight: e.kind === 'tree' ? 2 : 1, minlen: 1 })
  }
  dagre.layout(graph)
  const out = new Map<string, Placed>()
  for (const n of g.nodes) {
    const p = graph.node(n.id)
    out.set(n.id, { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2 })
  }
  return out
}

/** Remembers the last layout per shape (one entry: the diagram shows one run at a time). */
export function layoutCache(): (g: DiagramGraph) => Map<string, Placed> {
  let key = ''
  let last = new Map<string, Placed>()
  return (g) => {
    const k = shapeKey(g)
    if (k !== key) {
      key = k
      last = layoutDiagram(g)
    }
    return last
  }
}
