// The machine's processes as the host pushes them: one call waits for the next snapshot
// (the host answers when it has taken it, at 1 Hz) and is made again at once; no timer here.
// After an error it waits a moment before asking again (a host restarting, a dropped link).
import { useEffect, useRef, useState } from 'react'
import type { PoolScopeApi } from '../../../../shared/api'
import type { SystemSnapshot } from '../../../../shared/system'
import type { MarkedProcess } from './explorerModel'
import { History, Tombstones } from './explorerModel'

const RETRY_MS = 2000

export interface SystemView {
  snapshot: SystemSnapshot | null
  /** The snapshot's processes plus the recently ended, marked. */
  procs: MarkedProcess[]
  history: History
  error: string | null
}

export function useSystemSnapshots(api: Pick<PoolScopeApi, 'systemSnapshot'>): SystemView {
  const [view, setView] = useState<SystemView>(() => ({
    snapshot: null,
    procs: [],
    history: new History(),
    error: null
  }))
  const tombstones = useRef(new Tombstones())
  useEffect(() => {
    let alive = true
    const history = new History()
    void (async () => {
      let after: number | undefined
      while (alive) {
        try {
          const snap = await api.systemSnapshot(after === undefined ? {} : { after })
          if (!alive) return
          after = snap.seq
          history.add(snap.procs)
          const procs = tombstones.current.apply(snap.procs, performance.now())
          setView({ snapshot: snap, procs, history, error: null })
        } catch (e) {
          if (!alive) return
          setView((v) => ({ ...v, error: e instanceof Error ? e.message : String(e) }))
          await new Promise((r) => setTimeout(r, RETRY_MS))
        }
      }
    })()
    return () => {
      alive = false
    }
  }, [api])
  return view
}
