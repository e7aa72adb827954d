// Places the diagram's nodes with dagre (a layered layout: the host on top, its children below,
// channels where the joins pull them). Only the graph's shape matters: a layout is made when
// the shape changes (a process starts, a group opens), not when the states inside boxes change.
import dagre from '@dagrejs/dagre'

export const NODE_W = 190
export const NODE_H = 74

export interface Shape {
  nodes: readonly string[]
  edges: readonly { source: string; target: string; tree: boolean }[]
}

export type Placement = Map<string, { x: number; y: number }>

/** The key of a graph's shape: its nodes and edges, not their states. */
export function shapeKey(s: Shape): string {
  return `${s.nodes.join(',')}|${s.edges.map((e) => `${e.source}>${e.target}`).join(',')}`
}

export function layoutShape(s: Shape): Placement {
  const graph = new dagre.graphlib.Graph()
  graph.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 56, marginx: 8, marginy: 8 })
  graph.setDefaultEdgeLabel(() => ({}))
  for (const id of s.nodes) graph.setNode(id, { width: NODE_W, height: NODE_H })
  // the tree sets the ranks; a channel's joins only pull it near its users
  for (const e of s.edges) graph.setEdge(e.source, e.target, { weight: e.tree ? 2 : 1, minlen: 1 })
  dagre.layout(graph)
  const out: Placement = new Map()
  for (const id of s.nodes) {
    const p = graph.node(id)
    out.set(id, { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2 })
  }
  return out
}
