// One process's details pane from /proc, read on demand (not each tick): its whole command
// line, cwd, executable, open descriptors and threads; each field that cannot be read is left
// null with the reason in `errors` (another user's process, or one that ended meanwhile).
import { readFileSync, readdirSync, readlinkSync } from 'node:fs'
import type { ProcessDetails } from '../../../shared/system'
import { reasonOf } from './SystemReader'
import { newStatLine, parseStatLine, STAT } from './statLine'

export function procDetails(root: string, pid: number): ProcessDetails {
  const errors: Record<string, string> = {}
  const field = <T>(name: string, read: () => T): T | null => {
    try {
      return read()
    } catch (err) {
      errors[name] = reasonOf(err)
      return null
    }
  }
  const dir = `${root}/${pid}`
  const argv = field('command', () => {
    const text = readFileSync(`${dir}/cmdline`, 'utf8').replace(/\0+$/, '')
    return text ? text.split('\0') : []
  })
  const command =
    argv === null
      ? null
      : argv.length > 0
        ? argv.join(' ')
        : field('command', () => `[${readFileSync(`${dir}/comm`, 'utf8').trim()}]`)
  const stat = field('threads', () => readFileSync(`${dir}/stat`))
  const line = newStatLine()
  const threads = stat && parseStatLine(stat, stat.length, line) ? line.fields[STAT.threads]! : null
  return {
    pid,
    command,
    argv: argv && argv.length > 0 ? argv : null,
    cwd: field('cwd', () => readlinkSync(`${dir}/cwd`)),
    exe: field('exe', () => readlinkSync(`${dir}/exe`)),
    fds: field('fds', () => readdirSync(`${dir}/fd`).length),
    threads,
    errors
  }
}
