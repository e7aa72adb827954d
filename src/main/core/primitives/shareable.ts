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
export function encodeArgs(args: readonly unknown[], link: ChildLink): unknown[] {
  return args.map((a) => encode(a, link))
}

function encode(v: unknown, link: ChildLink): unknown {
  if (v === null || typeof v !== 'object') return v
  if (isShareable(v)) {
    link.addBroker(v)
    return v.refFor(link)
  }
  if (Array.isArray(v)) return v.map((x) => encode(x, link))
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) out[k] = encode(x, link)
  return out
}

/** Cheap test so that plain-JSON arguments skip the copy. */
export function containsShareable(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false
  if (isShareable(v)) return true
  if (Array.isArray(v)) return v.some(containsShareable)
  return Object.values(v).some(containsShareable)
}
