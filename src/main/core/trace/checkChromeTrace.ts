// A structural checker for Chrome Trace Event JSON, used by the tests (and usable on any file):
// every pid named, X slices well-formed (dur ≥ 0, properly nested per thread), counters numeric,
// timestamps monotonic per track, async b/e and flows s/f paired, flows bound to a slice,
// strings free of control characters. Returns the problems found (empty = well-formed).

interface Ev {
  name?: unknown
  ph?: unknown
  pid?: unknown
  tid?: unknown
  ts?: unknown
  dur?: unknown
  id?: unknown
  cat?: unknown
  bp?: unknown
  args?: unknown
}

const EPS = 1e-6
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f]/

export function checkChromeTrace(text: string, maxProblems = 20): string[] {
  const problems: string[] = []
  const bad = (i: number, what: string): void => {
    if (problems.length < maxProblems) problems.push(`traceEvents[${i}]: ${what}`)
  }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (err) {
    return [`not JSON: ${String(err)}`]
  }
  if (typeof doc !== 'object' || doc === null) return ['not a JSON object']
  if (Object.keys(doc)[0] !== 'displayTimeUnit')
    problems.push('displayTimeUnit is not the first key')
  const events = (doc as { traceEvents?: unknown }).traceEvents
  if (!Array.isArray(events)) return [...problems, 'traceEvents is not an array']

  const named = new Set<number>()
  const used = new Map<number, number>() // pid → first event index using it
  const lastTs = new Map<string, number>()
  const slices = new Map<string, Array<[number, number]>>() // thread → open X [start, end]
  const flows = new Map<number, { s?: [number, number]; f?: [number, number] }>()
  const asyncOpen = new Map<string, number>()
  const enclosed = (track: string, ts: number): boolean =>
    (slices.get(track) ?? []).some(([s, e]) => s <= ts + EPS && ts <= e + EPS)

  events.forEach((raw: unknown, i) => {
    const e = raw as Ev
    if (typeof e !== 'object' || e === null) return bad(i, 'not an object')
    if (typeof e.name !== 'string') bad(i, 'name is not a string')
    if (!Number.isInteger(e.pid)) return bad(i, 'pid is not an integer')
    const pid = e.pid as number
    checkStrings(e, (where) => bad(i, `control character in ${where}`))
    if (e.ph === 'M') {
      if (e.name === 'process_name') named.add(pid)
      return
    }
    if (!used.has(pid)) used.set(pid, i)
    if (typeof e.ts !== 'number' || !Number.isFinite(e.ts) || e.ts < 0)
      return bad(i, 'ts is not a time')
    const ts = e.ts
    const thread = `${pid}/${String(e.tid)}`
    const track = e.ph === 'C' ? `${pid}/counter ${String(e.name)}` : thread
    if ((lastTs.get(track) ?? -Infinity) > ts + EPS) bad(i, `ts ${ts} goes back on track ${track}`)
    lastTs.set(track, ts)
    switch (e.ph) {
      case 'X': {
        if (typeof e.dur !== 'number' || !(e.dur >= 0)) return bad(i, 'X slice without dur ≥ 0')
        const open = (slices.get(thread) ?? []).filter(([, end]) => end > ts + EPS)
        const parent = open[open.length - 1]
        if (parent && ts + e.dur > parent[1] + EPS)
          bad(i, 'X slice overlaps its parent without nesting')
        open.push([ts, ts + e.dur])
        slices.set(thread, open)
        break
      }
      case 'C': {
        const args = e.args as Record<string, unknown> | undefined
        if (!args || Object.keys(args).length === 0) bad(i, 'counter without values')
        else if (!Object.values(args).every((v) => typeof v === 'number' && Number.isFinite(v)))
          bad(i, 'counter value is not a finite number')
        break
      }
      case 'b':
      case 'e': {
        const key = `${String(e.cat)}/${String(e.id)}`
        if (e.ph === 'b') {
          if (asyncOpen.has(key)) bad(i, `async ${key} begins twice`)
          asyncOpen.set(key, ts)
        } else if (!asyncOpen.has(key)) bad(i, `async ${key} ends without a begin`)
        else if (ts + EPS < asyncOpen.get(key)!) bad(i, `async ${key} ends before it begins`)
        else asyncOpen.delete(key)
        break
      }
      case 's':
      case 'f': {
        if (!Number.isInteger(e.id)) return bad(i, 'flow without an integer id')
        const flow = flows.get(e.id as number) ?? {}
        if (flow[e.ph]) bad(i, `flow ${String(e.id)} has two '${e.ph}' events`)
        flow[e.ph] = [ts, i]
        flows.set(e.id as number, flow)
        if (e.ph === 'f' && e.bp !== 'e') bad(i, 'flow end does not bind to the enclosing slice')
        if (!enclosed(thread, ts))
          bad(i, `flow ${String(e.id)} has no enclosing slice on ${thread}`)
        break
      }
      case 'i':
        break
      default:
        bad(i, `unexpected phase ${JSON.stringify(e.ph)}`)
    }
  })
  for (const [pid, i] of used) if (!named.has(pid)) bad(i, `pid ${pid} has no process_name`)
  for (const [id, f] of flows) {
    if (!f.s || !f.f) problems.push(`flow ${id} is not paired (${f.s ? 'no f' : 'no s'})`)
    else if (f.f[0] + EPS < f.s[0]) problems.push(`flow ${id} finishes before it starts`)
  }
  for (const key of asyncOpen.keys()) problems.push(`async ${key} never ends`)
  return problems.slice(0, maxProblems)
}

function checkStrings(v: unknown, report: (where: string) => void, where = 'event'): void {
  if (typeof v === 'string') {
    if (CONTROL.test(v)) report(where)
  } else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) checkStrings(x, report, `${where}.${k}`)
  }
}
