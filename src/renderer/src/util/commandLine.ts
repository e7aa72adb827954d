// Command lines in the watch form: the arguments field read as a shell would split it (quotes
// and backslashes; nothing is expanded), argv shown back as text, and a Python command line
// (an attached process's) taken apart into what the form asks for.

export class CommandLineError extends Error {}

/** `text` split into arguments: whitespace separates, '…' and "…" quote, \ escapes. */
export function splitArgs(text: string): string[] {
  const out: string[] = []
  let cur = ''
  let started = false
  let quote: '"' | "'" | null = null
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === quote) quote = null
      else if (c === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i]
      else cur += c
    } else if (c === '"' || c === "'") {
      quote = c
      started = true
    } else if (c === '\\') {
      if (i + 1 >= text.length) throw new CommandLineError('a \\ ends the arguments')
      cur += text[++i]
      started = true
    } else if (/\s/.test(c)) {
      if (started) out.push(cur)
      cur = ''
      started = false
    } else {
      cur += c
      started = true
    }
  }
  if (quote) throw new CommandLineError(`a ${quote} is never closed`)
  if (started) out.push(cur)
  return out
}

/** `argv` as text that splitArgs reads back the same. */
export function joinArgs(argv: readonly string[]): string {
  return argv
    .map((a) => (a !== '' && /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`))
    .join(' ')
}

/** What the watch form needs to start a Python command line again under PoolScope. */
export interface PythonCommand {
  python: string
  program: { kind: 'script'; path: string } | { kind: 'module'; name: string }
  args: string[]
  /** Interpreter options left out (the form starts a script or a module, nothing else). */
  dropped: string[]
}

const PYTHON = /(^|\/)python[0-9.]*$/
/** Interpreter options that take the next argument. */
const WITH_VALUE = new Set(['-W', '-X', '-Q'])

/** `argv` taken apart if it runs a Python script or module (`python3 -u x.py a`), else null
 *  (`python -c …`, the REPL, or not Python). */
export function pythonCommand(argv: readonly string[], exe?: string | null): PythonCommand | null {
  const [first, ...rest] = argv
  if (!first || !(PYTHON.test(first) || (exe && PYTHON.test(exe)))) return null
  const dropped: string[] = []
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!
    if (
      a === '-m' ||
      (a.startsWith('-') && a.length > 2 && a.endsWith('m') && !a.startsWith('--'))
    ) {
      const name = rest[i + 1]
      if (!name) return null
      if (a !== '-m') dropped.push(a.slice(0, -1))
      return {
        python: exe || first,
        program: { kind: 'module', name },
        args: rest.slice(i + 2),
        dropped
      }
    }
    if (a.startsWith('-c') || a === '-') return null
    if (a.startsWith('-') && a !== '--') {
      dropped.push(a)
      if (WITH_VALUE.has(a) && i + 1 < rest.length) dropped.push(rest[++i]!)
      continue
    }
    const script = a === '--' ? rest[i + 1] : a
    if (!script) return null
    const from = a === '--' ? i + 2 : i + 1
    return {
      python: exe || first,
      program: { kind: 'script', path: script },
      args: rest.slice(from),
      dropped
    }
  }
  return null
}
