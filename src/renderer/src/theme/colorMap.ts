// The one colour map of the app: every view colours a process, a core or a series from here,
// so PID 1234 has the same colour in the console, the timeline and the charts.
// Mid-lightness hues read on both the light and the dark theme.
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#ff9da7',
  '#9c755f',
  '#86bcb6',
  '#d37295',
  '#a0cbe8'
] as const

/** Cores get cool hues only, so the warm run total stands out among them. */
const CORE_PALETTE = [
  '#4e79a7',
  '#59a14f',
  '#76b7b2',
  '#b07aa1',
  '#a0cbe8',
  '#86bcb6',
  '#9c755f',
  '#8cd17d'
] as const

export const HOST_COLOR = '#8b8f98'
export const RUN_TOTAL_COLOR = '#e8590c'

/** Colour of the n-th process launched in a run (the host has HOST_COLOR). */
export function procColor(order: number): string {
  return PALETTE[((order % PALETTE.length) + PALETTE.length) % PALETTE.length]!
}

/** Colour of CPU core n. */
export function coreColor(core: number): string {
  return CORE_PALETTE[Math.abs(core) % CORE_PALETTE.length]!
}

/** Colour of a named series (a queue, a lock): stable for the name. */
export function seriesColor(name: string): string {
  let h = 0
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0
  return PALETTE[h % PALETTE.length]!
}

/** The colour of `pid` in a run: host, a known child, or a neutral grey for strangers. */
export function pidColor(
  pid: number,
  hostPid: number | null,
  procs: ReadonlyMap<number, { order: number }>
): string {
  if (pid === hostPid) return HOST_COLOR
  const p = procs.get(pid)
  return p ? procColor(p.order) : HOST_COLOR
}
