// Places the diagram's nodes with dagre (a layered layout: the host on top, its children below,
// channels where the joins pull them). Only the graph's shape matters: a layout is made when
// the shape changes (a process starts, a group opens), not when the states inside boxes change.
// An opened group of many processes is one node whose members sit in a grid inside it (see
// familyGrid): React Flow then handles one box and its joins, not hundreds.
import dagre from '@dagrejs/dagre'

export const NODE_W = 190
export const NODE_H = 74

/** An opened group's box: a heading over its members' grid (px in the picture). */
export const FAMILY = { pad: 12, head: 44, gap: 12 } as const

export interface Size {
  width: number
  height: number
}
export const BOX_SIZE: Size = { width: NODE_W, height: NODE_H }

/** An opened group of `n`: a row of up to 8, else about 16:9 in boxes. */
export function familyColumns(n: number): number {
  const wide = Math.ceil(Math.sqrt(((n * NODE_H) / NODE_W) * (16 / 9)))
  return Math.max(1, Math.min(n, Math.max(8, wide)))
}

export function familySize(n: number): Size {
  const cols = familyColumns(n)
  const rows = Math.max(1, Math.ceil(n / cols))
  return {
    width: 2 * FAMILY.pad + cols * NODE_W + (cols - 1) * FAMILY.gap,
    height: FAMILY.head + rows * NODE_H + (rows - 1) * FAMILY.gap + FAMILY.pad
  }
}

/** Where member `i` of `n` sits inside its group's box. */
export function memberOffset(i: number, n: number): { x: number; y: number } {
  const cols = familyColumns(n)
  return {
    x: FAMILY.pad + (i % cols) * (NODE_W + FAMILY.gap),
    y: FAMILY.head + Math.floor(i / cols) * (NODE_H + FAMILY.gap)
  }
}

export interface Shape {
  nodes: readonly ({ id: string } & Size)[]
  edges: readonly { source: string; target: string; tree: boolean }[]
}

export type Placement = Map<string, { x: number; y: number }>

/** The key of a graph's shape: its nodes, their sizes and edges, not their states. */
export function shapeKey(s: Shape): string {
  const node = (n: Shape['nodes'][number]): string =>
    n.width === NODE_W && n.height === NODE_H ? n.id : `${n.id}@${n.width}x${n.height}`
  return `${s.nodes.map(node).join(',')}|${s.edges.map((e) => `${e.source}>${e.target}`).join(',')}`
}

export function layoutShape(s: Shape): Placement {
  const graph = new dagre.graphlib.Graph()
  graph.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 56, marginx: 8, marginy: 8 })
  graph.setDefaultEdgeLabel(() => ({}))
  for (const n of s.nodes) graph.setNode(n.id, { width: n.width, height: n.height })
  // the tree sets the ranks; a channel's joins only pull it near its users
  for (const e of s.edges) graph.setEdge(e.source, e.target, { weight: e.tree ? 2 : 1, minlen: 1 })
  dagre.layout(graph)
  const out: Placement = new Map()
  for (const n of s.nodes) {
    const p = graph.node(n.id)
    out.set(n.id, { x: p.x - n.width / 2, y: p.y - n.height / 2 })
  }
  return out
}
