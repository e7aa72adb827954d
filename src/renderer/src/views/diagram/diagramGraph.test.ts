import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../../../shared/events'
import { applyEvents, emptyRun } from '../../store/runState'
import { lockRecorded, queueRecorded } from '../../test/fixtures/recordedRuns'
import { SYN_HOST, manyProcs, pipeRun } from '../../test/fixtures/synthetic'
import { GROUP_AT, HOST_ID, diagramGraph, groupId, procId, sizeOf } from './diagramGraph'
import { NODE_H, familySize, layoutShape } from './diagramLayout'

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

  it('folds 256 siblings of one role into one group; opened, they are one box with each inside', () => {
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
    // one box holding all 256 in launch order, one join to the host: not 256 of each
    expect(open.nodes).toHaveLength(2)
    const family = open.nodes[1]!
    expect(family).toMatchObject({ id: group.id, kind: 'family', running: 170, exited: 86 })
    expect(family.kind === 'family' && family.procs.map((p) => p.pid)).toEqual(
      Array.from({ length: 256 }, (_, i) => 1001 + i)
    )
    expect(open.edges).toEqual([
      { id: `t:${group.id}`, source: HOST_ID, target: group.id, kind: 'tree' }
    ])
    const size = sizeOf(family)
    expect(size).toEqual(familySize(256))
    const placed = layoutShape({
      nodes: open.nodes.map((n) => ({ id: n.id, ...sizeOf(n) })),
      edges: open.edges.map((e) => ({ ...e, tree: e.kind === 'tree' }))
    })
    // below its parent, clear of it
    expect(placed.get(group.id)!.y).toBeGreaterThanOrEqual(placed.get(HOST_ID)!.y + NODE_H)
  })

  it('an opened group joins a channel once, counting all its members’ messages and marking who moved', () => {
    const n = 20
    const ev: RunEvent[] = manyProcs(n)
      .filter((e) => e.type !== 'proc.exit')
      .map((e) => (e.type === 'proc.spawn' ? { ...e, role: 'child' } : e))
    for (let i = 0; i < n; i++)
      ev.push({ t: 100 + i, type: 'queue.put', queue: 'q', pid: 1001 + i, msg: i + 1 })
    const run = runOf(ev)
    const id = groupId(SYN_HOST, 'child')
    const g = diagramGraph(run, new Set([id]))
    const joins = g.edges.filter((e) => e.kind === 'use')
    expect(joins).toHaveLength(1)
    expect(joins[0]).toMatchObject({ source: id, target: 'c:queue:q', active: { count: n } })
    const family = g.nodes.find((x) => x.id === id)!
    expect(family.kind === 'family' && family.moving).toHaveLength(n)
    // long after, nobody moved just now
    const late = diagramGraph({ ...run, lastT: run.lastT + 10_000 }, new Set([id]))
    const quiet = late.nodes.find((x) => x.id === id)!
    expect(quiet.kind === 'family' && quiet.moving).toEqual([])
  })

  it('an opened group’s lock join shows a holder among its members, whoever came first', () => {
    const n = 12
    const ev: RunEvent[] = manyProcs(n)
      .filter((e) => e.type !== 'proc.exit')
      .map((e) => (e.type === 'proc.spawn' ? { ...e, role: 'child' } : e))
    for (let i = 0; i < n; i++) ev.push({ t: 100, type: 'lock.wait', lock: 'l', pid: 1001 + i })
    ev.push({ t: 101, type: 'lock.acquire', lock: 'l', pid: 1001 + n - 1 })
    const id = groupId(SYN_HOST, 'child')
    const g = diagramGraph(runOf(ev), new Set([id]))
    const joins = g.edges.filter((e) => e.kind === 'lock')
    expect(joins).toHaveLength(1)
    expect(joins[0]!.state).toBe('holder')
  })

  it('a grouped process’s children hang from its group, folded or opened', () => {
    const ev: RunEvent[] = manyProcs(GROUP_AT + 1).map((e) =>
      e.type === 'proc.spawn' ? { ...e, role: 'child' } : e
    )
    ev.push({ t: 50, type: 'proc.spawn', pid: 5000, ppid: 1001, name: 'grandchild', role: 'gc' })
    const id = groupId(SYN_HOST, 'child')
    for (const open of [new Set<string>(), new Set([id])]) {
      const g = diagramGraph(runOf(ev), open)
      expect(g.edges).toContainEqual(
        expect.objectContaining({ source: id, target: procId(5000), kind: 'tree' })
      )
    }
  })

  it('does not fold a handful of siblings', () => {
    const same = manyProcs(GROUP_AT).map((e) =>
      e.type === 'proc.spawn' ? { ...e, role: 'child' } : e
    )
    const g = diagramGraph(runOf(same), new Set())
    expect(g.nodes.filter((n) => n.kind === 'proc')).toHaveLength(GROUP_AT)
  })
})
