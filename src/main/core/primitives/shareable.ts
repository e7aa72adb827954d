// Host objects that may be passed to a task as arguments (Queue, Lock, PipeEnd): each becomes a
// HandleRef on the wire and a proxy in the child (child/handles.ts). The child's messages about
// the object reach it as a Broker, and only through a link it was given to.
import type { HandleRef } from '../protocol'
import type { BrokerMessage, ChildLink } from './ChildLink'

export const SHAREABLE: unique symbol = Symbol.for('poolscope.shareable') as never

export interface Broker {
  readonly id: string
  /** A child's request or note about this object (already validated). */
  onChildMessage(link: ChildLink, msg: BrokerMessage): void
  /** The child exited: drop its waiters, free what it held. */
  onChildExit(link: ChildLink): void
}

export interface Shareable extends Broker {
  readonly [SHAREABLE]: true
  /** The ref a child receives; may hand the child a socket (pipe ends). */
  refFor(link: ChildLink): HandleRef
}

export function isShareable(v: unknown): v is Shareable {
  return typeof v === 'object' && v !== null && (v as Partial<Shareable>)[SHAREABLE] === true
}

/** Task arguments with their shareable objects replaced by refs for `link`'s child. */
export function encodeArgs(args: unknown[], link: ChildLink): unknown[] {
  return encode(args, link) as unknown[]
}

/** Copies only what contains a shareable object; plain JSON comes back as it was. */
function encode(v: unknown, link: ChildLink): unknown {
  if (v === null || typeof v !== 'object') return v
  if (isShareable(v)) {
    link.addBroker(v)
    return v.refFor(link)
  }
  if (Array.isArray(v)) {
    let out: unknown[] | undefined
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i]
      if (x === null || typeof x !== 'object') continue
      const e = encode(x, link)
      if (e !== x) (out ??= v.slice())[i] = e
    }
    return out ?? v
  }
  let out: Record<string, unknown> | undefined
  for (const [k, x] of Object.entries(v)) {
    const e = encode(x, link)
    if (e !== x) (out ??= { ...v })[k] = e
  }
  return out ?? v
}
