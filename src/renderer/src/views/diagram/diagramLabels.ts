// Accessible names of the diagram's boxes: a process's PID and state, a channel's depth or
// holder. The same text is the box's title, so what a screen reader says is what is drawn.
import type { TFunction } from 'i18next'
import type { Channel } from '../../store/diagramModel'
import { formatPercent } from '../../util/format'
import { stateText } from '../processes/ProcessTable'
import type { DiagramNode } from './diagramGraph'

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
      return t('diagramView.proc', {
        name: n.proc.name,
        role: n.proc.role,
        pid: n.proc.pid,
        state: stateText(t, n.proc),
        cpu: formatPercent(n.proc.cpu)
      })
    case 'group':
      return t('diagramView.group', {
        n: n.pids.length,
        role: n.role,
        first: n.pids[0],
        last: n.pids[n.pids.length - 1],
        running: n.running,
        exited: n.exited
      })
    case 'channel': {
      const c = n.channel
      // the box also shows how many messages a queue or pool has carried
      return c.kind === 'queue' || c.kind === 'pool'
        ? `${channelLabel(t, c)}; ${t('diagramView.messages', { n: c.messages })}`
        : channelLabel(t, c)
    }
  }
}

/** Everything a node's box and name show, as one string: equal keys, equal boxes. */
export function contentKey(n: DiagramNode): string {
  switch (n.kind) {
    case 'host':
      return `h|${n.pid}|${n.live}|${n.cpu}`
    case 'proc': {
      const p = n.proc
      return `p|${p.name}|${p.role}|${p.pid}|${p.state}|${p.code}|${p.signal}|${p.end !== null}|${p.cpu}|${p.order}`
    }
    case 'group':
      return `g|${n.role}|${n.pids.length}|${n.pids[0]}|${n.pids.at(-1)}|${n.running}|${n.exited}|${n.cpu}`
    case 'channel': {
      const c = n.channel
      return `c|${c.kind}|${c.name}|${c.depth}|${c.maxsize}|${c.holder}|${c.waiters.join(',')}|${c.messages}|${c.closed.join(',')}|${c.readers.length}|${c.running}`
    }
  }
}
