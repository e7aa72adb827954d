import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../../shared/events'
import { applyEvents, emptyRun } from '../../store/runState'
import { lockRecorded, queueRecorded } from '../../test/fixtures/recordedRuns'
import { SYN_HOST, manyProcs, pipeRun } from '../../test/fixtures/synthetic'
import { GROUP_AT, HOST_ID, diagramGraph, groupId, procId } from './diagramGraph'
import { layoutShape } from './diagramLayout'

const runOf = (events: readonly RunEvent[], t = Infinity) =>
  applyEvents(
    emptyRun('r'),
    events.filter((e) => e.t <= t)
  )

describe('diagramGraph', () => {
  it('the queue run: host, its three senders as children, the queue joined to them (recorded)', () => {
    const run = runOf(queueRecorded)
    const g = diagramGraph(run, new Set())
    const procs = g.nodes.filter((n) => n.kind === 'proc')
    expect(procs.map((n) => n.id)).toEqual([28376, 28395, 28412].map(procId))
    for (const p of procs)
      expect(g.edges).toContainEqual(
        expect.objectContaining({ source: HOST_ID, target: p.id, kind: 'tree' })
      )
    const q = g.nodes.find((n) => n.kind === 'channel')!
    expect(q.id).toBe('c:queue:queue')
    // senders put in, the host gets out
    for (const p of procs)
      expect(g.edges).toContainEqual(expect.objectContaining({ source: p.id, target: q.id }))
    expect(g.edges).toContainEqual(expect.objectContaining({ source: q.id, target: HOST_ID }))
  })

  it('marks the lock holder’s join, and movements only while they are recent (recorded)', () => {
    const acquire = lockRecorded.find((e) => e.type === 'lock.acquire')!
    const at = runOf(lockRecorded, acquire.t)
    const holder = diagramGraph(at, new Set()).edges.find((e) => e.state === 'holder')!
    expect(holder.source).toBe(procId((acquire as { pid: number }).pid))
    expect(holder.active?.count).toBe(1)
    // long after the last event nothing moves and nobody holds it
    const end = runOf(lockRecorded)
    const late = { ...end, lastT: end.lastT + 10_000 }
    const g = diagramGraph(late, new Set())
    expect(g.edges.some((e) => e.active)).toBe(false)
    expect(g.edges.some((e) => e.state === 'holder')).toBe(false)
  })

  it('a pipe joins both ends, a receive travels back to its process (synthetic)', () => {
    const g = diagramGraph(runOf(pipeRun(), 12), new Set())
    const joins = g.edges.filter((e) => e.kind === 'pipe')
    expect(joins.map((e) => e.source).sort()).toEqual([procId(1001), procId(1002)])
    expect(joins.find((e) => e.source === procId(1002))!.active).toMatchObject({ reverse: true })
  })

  it('folds 256 siblings of one role into one group until it is opened; both lay out', () => {
    // manyProcs names each its own role: give them one, as a scenario's children have
    const run = runOf(
      manyProcs(256).map((e) => (e.type === 'proc.spawn' ? { ...e, role: 'child' } : e))
    )
    const folded = diagramGraph(run, new Set())
    expect(folded.nodes).toHaveLength(2)
    const group = folded.nodes[1]!
    expect(group).toMatchObject({ kind: 'group', running: 256 - 86, exited: 86 })
    expect(group.id).toBe(groupId(SYN_HOST, 'child'))
    const open = diagramGraph(run, new Set([group.id]))
    expect(open.nodes).toHaveLength(257)
    const placed = layoutShape({
      nodes: open.nodes.map((n) => n.id),
      edges: open.edges.map((e) => ({ ...e, tree: e.kind === 'tree' }))
    })
    expect(placed.size).toBe(257)
    // children below their parent
    expect(placed.get(procId(1001))!.y).toBeGreaterThan(placed.get(HOST_ID)!.y)
  })

  it('does not fold a handful of siblings', () => {
    const same = manyProcs(GROUP_AT).map((e) =>
      e.type === 'proc.spawn' ? { ...e, role: 'child' } : e
    )
    const g = diagramGraph(runOf(same), new Set())
    expect(g.nodes.filter((n) => n.kind === 'proc')).toHaveLength(GROUP_AT)
  })
})
