// uid → user name from /etc/passwd, read once and again at most once a minute when an
// unknown uid shows up (a user added while the app runs). A uid without a name is shown as
// its number, as ps does.
import { readFileSync } from 'node:fs'

const REREAD_MS = 60_000

export class UserNames {
  private names = new Map<number, string>()
  private readAt = -Infinity

  constructor(
    private readonly path = '/etc/passwd',
    private readonly clock: () => number = Date.now
  ) {}

  name(uid: number): string {
    let name = this.names.get(uid)
    if (name === undefined && this.clock() - this.readAt > REREAD_MS) {
      this.reload()
      name = this.names.get(uid)
    }
    return name ?? String(uid)
  }

  private reload(): void {
    this.readAt = this.clock()
    try {
      const names = new Map<number, string>()
      for (const line of readFileSync(this.path, 'utf8').split('\n')) {
        const [user, , uid] = line.split(':')
        if (user && uid && /^\d+$/.test(uid) && !names.has(Number(uid)))
          names.set(Number(uid), user)
      }
      this.names = names
    } catch {
      // no passwd file: numbers it is
    }
  }
}
