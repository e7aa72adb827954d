// The whole machine from /proc, built like the monitor's fast path: one pread per process
// per tick through a descriptor kept open for it (bound to that process: once it is reaped
// the read fails, so a reused PID is never taken for the old one). Name, command line and
// user are read when a process is first seen and again when its name changes (an exec).
// CPU % is the change of the process's running total since the last read (htop's
// …Time/…Period), kept on the same entry as the rest: one lookup per process per tick (a
// table of its own, keyed by PID, cost another lookup and object per process per tick).
// An idle process's stat line is the same bytes tick after tick (most of a machine: sleepers),
// so two 32-bit hashes of the head of its last line (up to RSS, all a row is made from) are
// kept for a quiet one, and a line whose head hashes the same gives its last row unparsed. Hashes,
// not the bytes: comparing with a kept copy read 150 cold bytes per process per tick (0.14 ms a
// tick at N≈233 with 250 ms between ticks); the hashes are 8 bytes, the head is hot in `buf`.
// What is read and written per process per tick lies in a few places, kept in order: at 1 Hz
// each tick starts with cold caches, and a boxed number or an object apart is a cache miss.
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs'
import type { ProcessDetails } from '../../../shared/system'
import { MS_PER_CLOCK_TICK } from '../monitor/clockTick'
import { pageSize } from '../monitor/ProcfsReader'
import { saturatingSub } from '../monitor/saturatingSub'
import type { SystemReader, SystemReading } from './SystemReader'
import { reasonOf } from './SystemReader'
import { procDetails } from './procDetails'
import { newStatLine, parseStatLine, PF_KTHREAD, STAT } from './statLine'
import { UserNames } from './userNames'

/** Descriptors kept open at most (the rest are opened per read); well under RLIMIT_NOFILE. */
export const MAX_KEPT_FDS = 4096
/** The command line a snapshot carries; details() reads all of it. */
const COMMAND_BYTES = 4096
/** A command line as a snapshot shows it: arguments joined by spaces; one longer than the
 *  buffer ends with "…" (details() has all of it), never with half a character. */
export function commandText(buf: Buffer, end: number, cut: boolean): string {
  const text = buf.toString('utf8', 0, end).replaceAll('\0', ' ')
  return cut ? text.replace(/\uFFFD{1,3}$/, '') + '…' : text
}
/** A slot's numbers in `times`: running CPU total and start time at the last read, and when
 *  that read was (the reader's clock; NaN before the first). */
const CPU_TIME = 0
const STARTED_AT = 1
const READ_AT = 2
const TIMES = 4
/** The stat fields a reading takes (rss is the last of them). */
const SAMPLED = STAT.rss + 1
// Module-local copies for the per-process path: where the code runs as CommonJS (tsx, the
// bench; vitest) each use of an imported binding is a getter call, ten per process per tick.
const { ppid: PPID, flags: FLAGS, utime: UTIME, stime: STIME, threads: THREADS } = STAT
const { starttime: STARTTIME, rss: RSS } = STAT
const KTHREAD = PF_KTHREAD
const TICK_MS = MS_PER_CLOCK_TICK

/** What the reader keeps of a process. Every field is set when it is made (one object
 *  shape: a field added later gave the hot path a second shape, and it was deoptimised). */
interface Known {
  fd: number | null
  nameHash: number
  name: string
  command: string
  uid: number | null
  user: string
  unreadable: string | undefined
  /** The last readAll that saw it (one not seen by the latest is gone). */
  tick: number
  /** The row last returned for it (name, command and user are this entry's). */
  row: SystemReading | undefined
  /** Learnt again next tick: its command line was empty, as it is for an instant in an exec
   *  (the kernel renames the process before it fills in the new arguments). Once only: a
   *  zombie's stays empty. */
  again: boolean
  /** Its slot in the reader's kept heads and times (where the % over the next tick comes
   *  from), and the length of the head kept there (-1: none, so the next line is parsed). A
   *  head is kept only when `row` was made from it and says 0 % CPU: the same head again
   *  means the same row (a busy row's head would never be compared). */
  slot: number
  headLength: number
}

export class ProcfsSystemReader implements SystemReader {
  readonly kind = 'procfs'
  readonly pageSize: number
  private readonly known = new Map<number, Known>()
  // its own memory, at offset 0: `bufWords` views it as 32-bit words
  private readonly buf = Buffer.from(new ArrayBuffer(COMMAND_BYTES))
  private readonly one = Buffer.allocUnsafe(1)
  private readonly line = newStatLine()
  /** The two hashes of the head of each known process's last line, by slot, and the last
   *  two made (hashHead). */
  private heads = new Int32Array(0)
  private h1 = 0
  private h2 = 0
  /** Each slot's TIMES numbers (unboxed: a number field of an object is a box of its own). */
  private times = new Float64Array(0)
  /** `buf` as 32-bit words: a head is hashed a word at a time. */
  private readonly bufWords = new Int32Array(
    this.buf.buffer,
    this.buf.byteOffset,
    COMMAND_BYTES / 4
  )
  private readonly freeSlots: number[] = []
  private slots = 0
  private readonly users = new UserNames()
  private kept = 0
  private tick = 0
  /** Entries seen by the current readAll. */
  private seen = 0
  /** When the current readAll started (ms, the clock's). */
  private now = 0
  private readonly bootTime = bootTimeMs()

  constructor(
    private readonly root = '/proc',
    pageBytes = pageSize(),
    private readonly clock: () => number = () => performance.now()
  ) {
    this.pageSize = pageBytes
  }

  /** Every process, its CPU % over the time since the last readAll (null on its first). */
  readAll(): Promise<SystemReading[]> {
    const out: SystemReading[] = []
    const tick = ++this.tick
    this.seen = 0
    this.now = this.clock()
    for (const entry of readdirSync(this.root)) {
      const c = entry.charCodeAt(0)
      if (c < 48 || c > 57) continue
      const reading = this.readOne(Number(entry))
      if (reading) out.push(reading)
    }
    // Only when some entry went unseen (a process ended); forEach, not for-of over entries:
    // no [pid, known] pair made per process.
    if (this.seen < this.known.size)
      this.known.forEach((known, pid) => {
        if (known.tick !== tick) this.forget(pid)
      })
    return Promise.resolve(out)
  }

  /** One process, or null if it is gone (or its stat is unreadable and so is its dir). */
  readOne(pid: number): SystemReading | null {
    const known = this.known.get(pid)
    return (known !== undefined && this.readSteady(pid, known)) || this.readChanged(pid)
  }

  /** The path of most processes at most ticks: known, read through its kept descriptor, its
   *  name the same. Null sends it to readChanged. The rare cases live there, so that one
   *  taken for the first time (a process gone, an exec) does not throw away this path's
   *  optimised code: it did, and the path then ran unoptimised for ~10 ticks at 1 Hz. */
  private readSteady(pid: number, k: Known): SystemReading | null {
    if (k.fd === null || k.again || k.unreadable !== undefined) return null
    let n: number
    try {
      n = readSync(k.fd, this.buf, 0, this.buf.length, 0)
    } catch {
      return null // reaped: readChanged forgets it
    }
    if (k.headLength > 0 && n >= k.headLength && this.sameHead(k.slot, k.headLength))
      return this.unchanged(k)
    if (!parseStatLine(this.buf, n, this.line, SAMPLED) || this.line.nameHash !== k.nameHash)
      return null
    const row = this.row(pid, k)
    this.keepHead(k, row, n)
    return row
  }

  /** A quiet process whose line's head hashes as the one its row was made from: that row,
   *  read now. */
  private unchanged(k: Known): SystemReading {
    this.markSeen(k)
    this.times[k.slot * TIMES + READ_AT] = this.now
    return k.row!
  }

  private markSeen(k: Known): void {
    if (k.tick !== this.tick) {
      k.tick = this.tick
      this.seen++
    }
  }

  /** Whether `buf`'s first `n` bytes hash as the head kept in `slot`. A change within one
   *  4-byte word always changes h1 (each step is a bijection of the word); a wider one is
   *  taken for the same head about once in 2^64 reads if the two hashes behave as independent
   *  (reasoned, not measured). */
  private sameHead(slot: number, n: number): boolean {
    this.hashHead(n)
    return this.heads[2 * slot] === this.h1 && this.heads[2 * slot + 1] === this.h2
  }

  /** Two 32-bit hashes (murmur-style mixing, different constants and steps) of `buf`'s first
   *  `n` bytes, into `h1` and `h2`. */
  private hashHead(n: number): void {
    const w = this.bufWords
    const words = n >> 2
    let h1 = n
    let h2 = 0x5bd1e995 ^ n
    for (let i = 0; i < words; i++) {
      const x = w[i]!
      h1 = Math.imul(h1 ^ x, 0xcc9e2d51)
      h1 = (h1 << 15) | (h1 >>> 17)
      h2 = Math.imul(h2 + x, 0x1b873593)
      h2 ^= h2 >>> 13
    }
    for (let i = words << 2; i < n; i++) {
      const x = this.buf[i]!
      h1 = Math.imul(h1 ^ x, 0xcc9e2d51)
      h2 = Math.imul(h2 + x, 0x1b873593)
    }
    this.h1 = h1
    this.h2 = h2
  }

  /** If `row` (`k`'s, made from the line just parsed in `buf`) says 0 % CPU, keeps the hashes
   *  of that line's head (to RSS's separator: a longer RSS differs in it). */
  private keepHead(k: Known, row: SystemReading, read: number): void {
    const n = this.line.end + 1
    // busy, or RSS ended the line without a separator (nothing to end the head)
    if (row.cpu !== 0 || n > read) {
      k.headLength = -1
      return
    }
    this.hashHead(n)
    this.heads[2 * k.slot] = this.h1
    this.heads[2 * k.slot + 1] = this.h2
    k.headLength = n
  }

  /** A slot for a process seen for the first time, its times not known yet. */
  private takeSlot(): number {
    let slot = this.freeSlots.pop()
    if (slot === undefined) {
      if (this.slots * 2 === this.heads.length) {
        const size = Math.max(64, this.slots * 2)
        const heads = new Int32Array(size * 2)
        heads.set(this.heads)
        this.heads = heads
        const times = new Float64Array(size * TIMES)
        times.set(this.times)
        this.times = times
      }
      slot = this.slots++
    }
    const at = slot * TIMES
    this.times[at + CPU_TIME] = 0
    this.times[at + STARTED_AT] = NaN
    this.times[at + READ_AT] = NaN
    return slot
  }

  /** First sight, reaped since (the PID may be another process now), read without a kept
   *  descriptor, an exec or a kernel worker's new job, a command line to read again, or
   *  fields that could not be read. */
  private readChanged(pid: number): SystemReading | null {
    let known = this.known.get(pid)
    let n = known?.fd != null ? this.readKept(pid, known.fd) : -1
    let fresh = false
    if (n < 0) {
      // not kept, or forgotten by readKept: a process kept without a descriptor keeps its
      // totals (checked by start time in row())
      known = this.known.get(pid)
      let fd: number
      try {
        fd = openSync(`${this.root}/${pid}/stat`, 'r')
      } catch (err) {
        return reasonOf(err) === 'permission denied' ? this.hidden(pid, 'permission denied') : null
      }
      n = this.readFresh(fd)
      if (n < 0 || !parseStatLine(this.buf, n, this.line, SAMPLED)) {
        closeSync(fd)
        return null
      }
      fresh = true
      known = this.learn(pid, known, true)
      if (!known) {
        closeSync(fd)
        this.forget(pid)
        return null
      }
      if (this.kept < MAX_KEPT_FDS) {
        known.fd = fd
        this.kept++
      } else closeSync(fd)
    } else if (!parseStatLine(this.buf, n, this.line, SAMPLED)) return null
    if (!fresh && (known!.nameHash !== this.line.nameHash || known!.again)) {
      // A kernel worker renames itself for each job (kworker/0:1-events): it never execs, its
      // command line is empty and its user root, so only the name is new.
      if (this.line.fields[FLAGS]! & KTHREAD) this.rename(known!)
      else if (!(known = this.learn(pid, known, false))) {
        this.forget(pid) // its kept descriptor with it
        return null
      }
    }
    const k = known!
    const before = k.row
    const row = this.row(pid, k)
    if (k.unreadable !== undefined && row !== before) row.unreadable = k.unreadable
    // its line may be gone from `buf` (learn() reads the command line there), and a row
    // made here can have a new name: the next line is parsed
    k.headLength = -1
    return row
  }

  /** The row of a process from the stat line just parsed: its CPU % from the totals of its
   *  last read, and the same row as last time if nothing changed. */
  private row(pid: number, k: Known): SystemReading {
    this.markSeen(k)
    const f = this.line.fields
    const ppid = f[PPID]!
    const state = String.fromCharCode(this.line.state)
    const threads = f[THREADS]!
    const cpuTime = (f[UTIME]! + f[STIME]!) * TICK_MS
    const rss = f[RSS]! * this.pageSize
    const startedAt = this.bootTime + f[STARTTIME]! * TICK_MS
    const now = this.now
    const t = this.times
    const at = k.slot * TIMES
    const readAt = t[at + READ_AT]!
    const cpu =
      t[at + STARTED_AT] === startedAt && now > readAt
        ? Math.round((saturatingSub(cpuTime, t[at + CPU_TIME]!) / (now - readAt)) * 1000) / 10
        : null
    t[at + CPU_TIME] = cpuTime
    t[at + STARTED_AT] = startedAt
    t[at + READ_AT] = now
    // A process that did nothing since the last tick (most of a machine: sleepers) keeps its
    // row: a published row is never changed, and an equal one is not built again (a new row
    // per process per tick was most of the garbage, collected during later ticks).
    const last = k.row
    if (
      last !== undefined &&
      last.cpu === cpu &&
      last.cpuTime === cpuTime &&
      last.rss === rss &&
      last.state === state &&
      last.threads === threads &&
      last.ppid === ppid &&
      last.startedAt === startedAt
    )
      return last
    // built field by field: a spread here costs more than the read at 1,000 processes
    const reading: SystemReading = {
      pid,
      ppid,
      uid: k.uid,
      user: k.user,
      state,
      threads,
      cpu,
      cpuTime,
      rss,
      startedAt,
      name: k.name,
      command: k.command
    }
    k.row = reading
    return reading
  }

  /** The stat line of a process that exited but was not reaped yet: its wait status. */
  exitStatus(pid: number): { code: number | null; signal: number | null } | null {
    const fd = this.known.get(pid)?.fd
    try {
      const n = fd != null ? readSync(fd, this.buf, 0, this.buf.length, 0) : -1
      if (n < 0) return null
      if (!parseStatLine(this.buf, n, this.line) || this.line.state !== 0x5a) return null
      if (this.line.count <= STAT.exitCode) return { code: null, signal: null }
      const status = this.line.fields[STAT.exitCode]!
      return status & 0x7f
        ? { code: null, signal: status & 0x7f }
        : { code: (status >> 8) & 0xff, signal: null }
    } catch {
      return null
    }
  }

  details(pid: number): Promise<ProcessDetails> {
    return Promise.resolve(procDetails(this.root, pid))
  }

  close(): void {
    for (const pid of [...this.known.keys()]) this.forget(pid)
  }

  /** Bytes read through a kept descriptor, or -1 once its process is reaped (ESRCH). */
  private readKept(pid: number, fd: number): number {
    const n = this.readFresh(fd)
    if (n < 0) this.forget(pid)
    return n
  }

  /** Bytes of the stat line read through `fd`, or -1 if the read failed. */
  private readFresh(fd: number): number {
    try {
      return readSync(fd, this.buf, 0, this.buf.length, 0)
    } catch {
      return -1
    }
  }

  private rename(known: Known): void {
    const line = this.line
    known.name = this.buf.toString('utf8', line.nameStart, line.nameEnd)
    known.command = `[${known.name}]`
    known.nameHash = line.nameHash
    known.row = undefined
  }

  /** Name, command line and user of a process seen for the first time or since an exec
   *  (`old`: the same process before, its descriptor and totals kept; or, `fresh`, what was
   *  known of its PID, whose totals count only if its start time is the same). Undefined if
   *  it exited meanwhile: it is not listed (as ps does not), and no row of a rare kind is
   *  made (its first one deoptimised the per-process code). */
  private learn(pid: number, old: Known | undefined, fresh: boolean): Known | undefined {
    const line = this.line
    const name = this.buf.toString('utf8', line.nameStart, line.nameEnd)
    const kthread = (line.fields[FLAGS]! & KTHREAD) !== 0
    const exec = fresh ? undefined : old
    let command = `[${name}]`
    let again = false
    let uid: number | null = null
    const reasons: string[] = []
    try {
      const fd = openSync(`${this.root}/${pid}/cmdline`, 'r')
      try {
        const n = readSync(fd, this.buf, 0, this.buf.length, 0)
        let end = n
        while (end > 0 && this.buf[end - 1] === 0) end--
        // a full buffer is cut only if a byte follows (one of exactly 4 KiB is whole)
        const cut = n === this.buf.length && readSync(fd, this.one, 0, 1, n) > 0
        if (end > 0) command = commandText(this.buf, end, cut)
        else if (!kthread && !exec?.again) again = true
      } finally {
        closeSync(fd)
      }
    } catch (err) {
      if (reasonOf(err) === 'gone') return undefined
      reasons.push(`command line: ${reasonOf(err)}`)
    }
    try {
      uid = statSync(`${this.root}/${pid}`).uid
    } catch (err) {
      if (reasonOf(err) === 'gone') return undefined
      reasons.push(`user: ${reasonOf(err)}`)
    }
    // made whole at once: no field of it is set later but the per-tick ones
    // what an unchanged process's tick reads and writes first, together (the object's fields
    // lie in this order), the rest after
    const known: Known = {
      fd: exec?.fd ?? null,
      again,
      unreadable: reasons.length > 0 ? reasons.join('; ') : undefined,
      headLength: -1,
      // an exec's or a kept process's slot keeps its times (checked by start time in row())
      slot: old?.slot ?? this.takeSlot(),
      tick: 0, // row() marks it seen
      row: undefined,
      nameHash: line.nameHash,
      name,
      command,
      uid,
      user: uid === null ? '?' : this.users.name(uid)
    }
    this.known.set(pid, known)
    return known
  }

  /** A process listed in /proc whose stat we may not read (hidepid): its PID and why. */
  private hidden(pid: number, reason: string): SystemReading {
    let uid: number | null = null
    try {
      uid = statSync(`${this.root}/${pid}`).uid
    } catch {
      // not even that
    }
    return {
      pid,
      ppid: 0,
      uid,
      user: uid === null ? '?' : this.users.name(uid),
      state: '?',
      threads: null,
      cpu: null,
      cpuTime: null,
      rss: null,
      startedAt: null,
      name: '?',
      command: '?',
      unreadable: reason
    }
  }

  private forget(pid: number): void {
    const known = this.known.get(pid)
    if (!known) return
    this.known.delete(pid)
    this.freeSlots.push(known.slot)
    if (known.fd === null) return
    this.kept--
    try {
      closeSync(known.fd)
    } catch {
      // already closed
    }
  }
}

/** When the machine booted, ms since the epoch (start times in stat count from it). */
function bootTimeMs(): number {
  try {
    const m = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'latin1'))
    if (m) return Number(m[1]) * 1000
  } catch {
    // no /proc/stat
  }
  return Date.now() - performance.now()
}
