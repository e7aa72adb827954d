// The run's processes with their real PIDs: host first, then its children.
import { useTranslation } from 'react-i18next'
import type { RunState } from '../store/runState'

export function ProcessTable({ run }: { run: RunState }): React.JSX.Element {
  const { t } = useTranslation()
  const rows = [...run.procs.values()]
  const fmt = (ms: number | null): string => (ms === null ? '' : `${ms.toFixed(1)} ms`)
  return (
    <section aria-label={t('processes')} className="processes">
      <h2>{t('processes')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('col.pid')}</th>
            <th scope="col">{t('col.ppid')}</th>
            <th scope="col">{t('col.name')}</th>
            <th scope="col">{t('col.state')}</th>
            <th scope="col">{t('col.start')}</th>
            <th scope="col">{t('col.end')}</th>
          </tr>
        </thead>
        <tbody>
          {run.hostPid !== null && (
            <tr className="host-row">
              <td data-testid="host-pid">{run.hostPid}</td>
              <td></td>
              <td>{t('host')}</td>
              <td>{t(`status.${run.status}`)}</td>
              <td></td>
              <td></td>
            </tr>
          )}
          {rows.map((p) => (
            <tr
              key={p.pid}
              className={p.state === 'exited' || p.state === 'killed' ? 'ended' : undefined}
            >
              <td data-testid="proc-pid">{p.pid}</td>
              <td>{p.ppid}</td>
              <td>{p.name}</td>
              <td>{t(`state.${p.state}`, { code: p.code, signal: p.signal })}</td>
              <td>{fmt(p.start)}</td>
              <td>{fmt(p.end)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
