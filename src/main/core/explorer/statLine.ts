// /proc/<pid>/stat parsed into numbers, in place: the explorer reads every process of the
// machine each tick, so one reused array holds the fields and no strings are built except
// the name, and that only when it changed (an exec).

const OPEN_PAREN = 0x28
const CLOSE_PAREN = 0x29
const SPACE = 0x20
const MINUS = 0x2d
/** The kernel writes at most 63 bytes of name (a kernel worker's with its job), so the
 *  closing parenthesis is at most this far past the opening one. */
const NAME_SPAN_MAX = 64

/** Field indexes after the state letter (man 5 proc numbers them from 1: index = n - 4). */
export const STAT = {
  ppid: 0,
  flags: 5,
  utime: 10,
  stime: 11,
  threads: 16,
  starttime: 18,
  rss: 20,
  /** Only meaningful for a zombie: the wait status its parent will reap (Linux ≥ 3.5). */
  exitCode: 48
} as const
const FIELDS = STAT.exitCode + 1
/** The flags bit of a kernel thread (PF_KTHREAD). */
export const PF_KTHREAD = 0x00200000

export interface StatLine {
  /** The state letter's char code ('R' = 0x52 …); 0 when the line did not parse. */
  state: number
  /** Where the name is in the buffer (between the parentheses). */
  nameStart: number
  nameEnd: number
  /** A cheap fingerprint of the name's bytes: it changes when the process execs. */
  nameHash: number
  /** How many fields after the state were present (old kernels have fewer). */
  count: number
  /** Where the last field read ends: the offset of the byte after it (its separator). */
  end: number
  /** The fields: 0 from `count` up to the `upTo` asked for, left as they were past it. */
  readonly fields: Float64Array
}

export function newStatLine(): StatLine {
  return {
    state: 0,
    nameStart: 0,
    nameEnd: 0,
    nameHash: 0,
    count: 0,
    end: 0,
    fields: new Float64Array(FIELDS)
  }
}

/** Fills `out` from the first `len` bytes of `buf` (fields up to index `upTo` − 1: a sampler
 *  needs none past rss, the exit status is past 40 more); false if they are not a stat line. */
export function parseStatLine(
  buf: Buffer,
  len: number,
  out: StatLine,
  upTo: number = FIELDS
): boolean {
  out.state = 0
  // Byte loops, not Buffer.indexOf: a native call per paren costs more than the scan here.
  let open = 0
  while (open < len && buf[open] !== OPEN_PAREN) open++
  // The name may contain spaces and ')': the fields start after the last ')' of the head.
  let i = Math.min(len - 1, open + NAME_SPAN_MAX)
  while (i > open && buf[i] !== CLOSE_PAREN) i--
  if (open >= len || i <= open || i + 2 >= len) return false
  out.nameStart = open + 1
  out.nameEnd = i
  let hash = 0
  for (let k = open + 1; k < i; k++) hash = (hash * 31 + buf[k]!) | 0
  out.nameHash = hash
  const state = buf[i + 2]!
  const fields = out.fields
  const last = Math.min(upTo, FIELDS)
  let field = 0
  let value = 0
  let sign = 1
  for (i += 4; i < len; i++) {
    const c = buf[i]!
    if (c === SPACE || c === 0x0a) {
      fields[field++] = sign * value
      if (field === last) break
      value = 0
      sign = 1
    } else if (c === MINUS) sign = -1
    else value = value * 10 + (c - 48)
  }
  if (field < last && value !== 0) fields[field++] = sign * value
  out.count = field
  out.end = i
  // only the fields this line lacked are cleared (a call per line to fill() cost more)
  for (let k = field; k < last; k++) fields[k] = 0
  if (field <= STAT.rss) return false
  out.state = state
  return true
}
