// What the user can ask the host to do, with the messages each action leaves behind.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandInput, PoolScopeApi, Runtime, TraceFormat } from '../../shared/api'
import { openInPerfetto, PerfettoError } from './perfetto/openInPerfetto'
import type { RunStore } from './store/runStore'
import { downloadTrace, traceBytes } from './util/download'
import { openTraceFile } from './util/openTraceFile'
import type { KillSignal } from './views/processes/ProcessActions'

export interface Notice {
  kind: 'error' | 'info'
  text: string
}

export interface RunActions {
  notice: Notice | null
  setNotice(n: Notice | null): void
  start(scenario: string, params: Record<string, number | string>, runtime?: Runtime): void
  /** Starts a Python program (the watch form). */
  watch(input: CommandInput<'watchProgram'>): void
  stop(runId: string): void
  kill(runId: string, pid: number, signal: KillSignal): void
  exportRun(runId: string, format: TraceFormat): void
  openTrace(file: File): void
  perfetto(runId: string, title: string): void
}

export function useRunActions(api: PoolScopeApi, store: RunStore): RunActions {
  const { t } = useTranslation()
  const [notice, setNotice] = useState<Notice | null>(null)
  const fail = (e: unknown): void =>
    setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) })
  const info = (text: string): void => setNotice({ kind: 'info', text })
  return {
    notice,
    setNotice,
    start(scenario, params, runtime) {
      setNotice(null)
      const input = runtime === 'cpython' ? { scenario, params, runtime } : { scenario, params }
      api.startRun(input).then((r) => store.addRun(r), fail)
    },
    watch(input) {
      setNotice(null)
      api.watchProgram(input).then((r) => store.addRun(r), fail)
    },
    stop(runId) {
      api.stopRun({ runId }).then((r) => store.mergeInfos([r]), fail)
    },
    kill(runId, pid, signal) {
      api
        .killProcess({ runId, pid, signal })
        .then(() => info(t('procs.sent', { pid, signal })), fail)
    },
    exportRun(runId, format) {
      downloadTrace(runId, format).then((file) => info(t('exportMenu.done', { file })), fail)
    },
    openTrace(file) {
      openTraceFile(file).then((r) => {
        store.addRun(r)
        info(t('openTrace.opened', { file: file.name }))
      }, fail)
    },
    perfetto(runId, title) {
      info(t('perfetto.waiting'))
      openInPerfetto(() => traceBytes(runId, 'chrome'), title, {
        electron: !!window.poolscope,
        open: (url) => window.open(url, '_blank'),
        win: window
      }).then(
        () => info(t('perfetto.sent')),
        (e: unknown) =>
          e instanceof PerfettoError
            ? setNotice({
                kind: 'error',
                text: t(e.reason === 'no-answer' ? 'perfetto.noAnswer' : `perfetto.${e.reason}`)
              })
            : fail(e)
      )
    }
  }
}
