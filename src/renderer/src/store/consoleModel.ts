// The merged console: output chunks of all processes written to one "terminal", the way a
// shared stdout behaves. A line that receives chunks from more than one process is torn, and
// is shown as such (each piece keeps its process's colour and PID).

export const MAX_CONSOLE = 5000
/** Longest line kept; the rest is cut so one runaway line cannot grow without bound. */
export const MAX_LINE_CHARS = 4000

export type Stream = 'stdout' | 'stderr'

export interface Segment {
  pid: number
  stream: Stream
  text: string
}

export interface ConsoleLine {
  key: number
  t: number
  segments: readonly Segment[]
  /** Pieces of more than one process ended up on this line. */
  torn: boolean
  /** The line has not seen its newline yet. */
  open: boolean
}

export interface ConsoleState {
  lines: readonly ConsoleLine[]
  /** Lines ever started (keys); lines beyond MAX_CONSOLE were dropped from the front. */
  count: number
}

export const emptyConsole: ConsoleState = { lines: [], count: 0 }

/** Appends the chunks in order; returns a new state (the old one is left as it was). */
export function appendOutput(
  prev: ConsoleState,
  chunks: readonly { t: number; pid: number; stream: Stream; text: string }[]
): ConsoleState {
  if (chunks.length === 0) return prev
  const lines = prev.lines.slice()
  let count = prev.count
  for (const c of chunks) {
    const pieces = c.text.split('\n')
    pieces.forEach((piece, i) => {
      const ends = i < pieces.length - 1
      if (piece === '' && !ends) return
      const last = lines[lines.length - 1]
      if (last?.open) {
        lines[lines.length - 1] = addPiece(last, c.pid, c.stream, piece, ends)
      } else {
        lines.push({
          key: count++,
          t: c.t,
          segments: [{ pid: c.pid, stream: c.stream, text: piece.slice(0, MAX_LINE_CHARS) }],
          torn: false,
          open: !ends
        })
      }
    })
  }
  return {
    lines: lines.length > MAX_CONSOLE ? lines.slice(lines.length - MAX_CONSOLE) : lines,
    count
  }
}

function addPiece(line: ConsoleLine, pid: number, stream: Stream, text: string, ends: boolean) {
  const segments = line.segments.slice()
  const last = segments[segments.length - 1]
  const length = segments.reduce((n, s) => n + s.text.length, 0)
  const room = Math.max(0, MAX_LINE_CHARS - length)
  const kept = text.length > room ? `${text.slice(0, room)}…` : text
  if (last && last.pid === pid && last.stream === stream) {
    segments[segments.length - 1] = { ...last, text: last.text + kept }
  } else if (kept !== '' || segments.length === 0) {
    segments.push({ pid, stream, text: kept })
  }
  const torn = line.torn || segments.some((s) => s.pid !== segments[0]!.pid)
  return { ...line, segments, torn, open: !ends }
}

/** The PIDs that wrote to a line, in order of first appearance. */
export function linePids(line: ConsoleLine): number[] {
  return [...new Set(line.segments.map((s) => s.pid))]
}
