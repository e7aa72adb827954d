// Accessible names of the diagram's boxes: a process's PID and state, a channel's depth or
// holder. The same text is the box's title, so what a screen reader says is what is drawn.
import type { TFunction } from 'i18next'
import type { Channel } from '../../store/diagramModel'
import { formatPercent } from '../../util/format'
import { stateText } from '../processes/ProcessTable'
import type { ProcRow } from '../../store/runState'
import type { DiagramNode } from './diagramGraph'
import { pidsOf } from './diagramGraph'

/** A process's state in words, kept per language: the members of a large group share a few
 *  states, and an i18next call per member was a third of opening one. */
const states = new WeakMap<TFunction, Map<string, string>>()
export function procState(t: TFunction, p: ProcRow): string {
  let known = states.get(t)
  if (!known) states.set(t, (known = new Map()))
  const key = `${p.state}|${p.code}|${p.signal}`
  let text = known.get(key)
  if (text === undefined) known.set(key, (text = stateText(t, p)))
  return text
}

export function procLabel(t: TFunction, p: ProcRow): string {
  return t('diagramView.proc', {
    name: p.name,
    role: p.role,
    pid: p.pid,
    state: procState(t, p),
    cpu: formatPercent(p.cpu)
  })
}

export function channelLabel(t: TFunction, c: Channel): string {
  switch (c.kind) {
    case 'queue':
      return c.maxsize > 0
        ? t('diagramView.queue', { name: c.name, depth: c.depth, max: c.maxsize })
        : t('diagramView.queueUnbounded', { name: c.name, depth: c.depth })
    case 'lock': {
      const head =
        c.holder === null
          ? t('diagramView.lockFree', { name: c.name })
          : t('diagramView.lockHeld', { name: c.name, holder: c.holder })
      return c.waiters.length
        ? `${head}; ${t('diagramView.lockWaiters', { n: c.waiters.length, pids: c.waiters.join(', ') })}`
        : head
    }
    case 'pipe': {
      const head = t('diagramView.pipe', { name: c.name, n: c.messages })
      return c.closed.length
        ? `${head}; ${t('diagramView.pipeClosed', { pids: c.closed.join(', ') })}`
        : head
    }
    case 'pool':
      return t('diagramView.pool', {
        name: c.name,
        workers: c.readers.length,
        backlog: c.depth,
        running: c.running
      })
  }
}

export function nodeLabel(t: TFunction, n: DiagramNode): string {
  switch (n.kind) {
    case 'host':
      return t('diagramView.host', {
        pid: n.pid ?? '?',
        state: t(n.live ? 'diagramView.hostLive' : 'diagramView.hostDone'),
        cpu: formatPercent(n.cpu)
      })
    case 'proc':
      return procLabel(t, n.proc)
    case 'group':
    case 'family': {
      const pids = pidsOf(n)
      return t('diagramView.group', {
        n: pids.length,
        role: n.role,
        first: pids[0],
        last: pids.at(-1),
        running: n.running,
        exited: n.exited
      })
    }
    case 'channel': {
      const c = n.channel
      // the box also shows how many messages a queue or pool has carried
      return c.kind === 'queue' || c.kind === 'pool'
        ? `${channelLabel(t, c)}; ${t('diagramView.messages', { n: c.messages })}`
        : channelLabel(t, c)
    }
  }
}

/** Everything a process's box and name show. */
export function procKey(p: ProcRow): string {
  return `p|${p.name}|${p.role}|${p.pid}|${p.state}|${p.code}|${p.signal}|${p.end !== null}|${p.cpu}|${p.order}`
}

/** Everything a node's box and name show, as one string: equal keys, equal boxes. */
export function contentKey(n: DiagramNode): string {
  switch (n.kind) {
    case 'host':
      return `h|${n.pid}|${n.live}|${n.cpu}`
    case 'proc':
      return procKey(n.proc)
    case 'group':
      return `g|${n.role}|${n.pids.length}|${n.pids[0]}|${n.pids.at(-1)}|${n.running}|${n.exited}|${n.cpu}`
    case 'family':
      return `f|${n.role}|${n.running}|${n.exited}|${n.cpu}|${n.moving.join(',')}|${n.procs.map(procKey).join(';')}`
    case 'channel': {
      const c = n.channel
      return `c|${c.kind}|${c.name}|${c.depth}|${c.maxsize}|${c.holder}|${c.waiters.join(',')}|${c.messages}|${c.closed.join(',')}|${c.readers.length}|${c.running}`
    }
  }
}
