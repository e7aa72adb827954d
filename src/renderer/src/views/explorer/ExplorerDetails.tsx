// The details pane: the full command line, cwd, executable, open descriptors and threads
// (asked for when the selection changes; an unreadable field says why), CPU and RSS over the
// last 60 s, and Watch (attach) for the process.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PoolScopeApi } from '../../../../shared/api'
import type { ProcessDetails, SystemProcess } from '../../../../shared/system'
import { formatBytes } from '../../util/format'
import type { History } from './explorerModel'
import { Sparkline } from './Sparkline'

interface Props {
  api: Pick<PoolScopeApi, 'processDetails'>
  proc: SystemProcess
  history: History
  onWatch(pid: number): void
}

export function ExplorerDetails({ api, proc, history, onWatch }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [answer, setDetails] = useState<ProcessDetails | null>(null)
  const pid = proc.pid
  useEffect(() => {
    let alive = true
    api.processDetails({ pid }).then(
      (d) => alive && setDetails(d),
      (e: Error) =>
        alive &&
        setDetails({
          pid,
          command: null,
          argv: null,
          cwd: null,
          exe: null,
          fds: null,
          threads: null,
          errors: { command: e.message }
        })
    )
    return () => {
      alive = false
    }
  }, [api, pid])
  // the answer for an earlier selection is not shown while this one's is on its way
  const details = answer?.pid === pid ? answer : null
  const series = history.series.get(pid)
  const field = (
    name: keyof ProcessDetails & string,
    value: string | number | null | undefined
  ): React.JSX.Element => (
    <>
      <dt>{t(`explorer.field.${name}`)}</dt>
      <dd>{value ?? (details?.errors[name] ? `— (${details.errors[name]})` : '…')}</dd>
    </>
  )
  const python = /(^|\/)python[\d.]*(\s|$)/.test(proc.command)
  return (
    <aside className="explorer-details" aria-label={t('explorer.details', { pid })}>
      <h3>
        {pid} · {proc.name}
      </h3>
      <dl>
        {field('command', details?.command)}
        {field('cwd', details?.cwd)}
        {field('exe', details?.exe)}
        {field('fds', details?.fds)}
        {field('threads', details?.threads ?? proc.threads)}
      </dl>
      {proc.unreadable && (
        <p className="muted">{t('explorer.unreadable', { why: proc.unreadable })}</p>
      )}
      <p>
        {t('col.cpu')}{' '}
        <Sparkline values={series?.cpu ?? []} label={t('explorer.cpuSpark', { pid })} />{' '}
        {proc.cpu === null ? '—' : `${proc.cpu.toFixed(1)} %`}
      </p>
      <p>
        {t('col.rss')}{' '}
        <Sparkline values={series?.rss ?? []} label={t('explorer.rssSpark', { pid })} />{' '}
        {proc.rss === null ? '—' : formatBytes(proc.rss)}
      </p>
      {python && <p className="muted">{t('explorer.pythonNote')}</p>}
      <button onClick={() => onWatch(pid)}>{t('explorer.watch')}</button>
    </aside>
  )
}
