// Two runs side by side on one time axis (the longer run's length): their timelines, CPU per
// core and queue depths, and their verdicts' observed figures in one table with the
// differences marked. Typical uses: pipe vs queue, processes=2 vs 4, a re-enactment vs CPython.
import { memo, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Check } from '../../../../shared/events'
import { useCheckWords } from '../../i18n/checkTexts'
import type { RunState } from '../../store/runState'
import { coreColor, seriesColor } from '../../theme/colorMap'
import { cpuRows } from '../charts/cpuData'
import { mergeSteps } from '../charts/seriesRows'
import { TimeSeriesChart } from '../charts/TimeSeriesChart'
import { TimelineView } from '../timeline/TimelineView'
import { compareChecks } from './compareChecks'

const MARK = { passed: '✓', failed: '✗', inconclusive: '?' } as const

interface Props {
  run: RunState
  runs: ReadonlyMap<string, RunState>
  order: readonly string[]
}

export const CompareView = memo(function CompareView({ run, runs, order }: Props) {
  const { t } = useTranslation()
  const words = useCheckWords()
  const cell = (c: Check | null): string => (c ? `${MARK[c.outcome]} ${words(c).observed}` : '–')
  const others = order.filter((id) => id !== run.id && runs.has(id))
  const [picked, setPicked] = useState<string | null>(null)
  const otherId = picked && others.includes(picked) ? picked : (others.at(-1) ?? null)
  const other = otherId ? runs.get(otherId) : undefined
  const span = Math.max(run.lastT, other?.lastT ?? 0, 1)
  const checks = useMemo(
    () => compareChecks(run.verdict, other?.verdict ?? null),
    [run.verdict, other?.verdict]
  )
  return (
    <section aria-label={t('compare.label')} className="compare view">
      <div className="view-toolbar">
        <label>
          {t('compare.with')}{' '}
          <select value={otherId ?? ''} onChange={(e) => setPicked(e.target.value || null)}>
            {others.length === 0 && <option value="">{t('compare.none')}</option>}
            {others.map((id) => (
              <option key={id} value={id}>
                {id} · {runs.get(id)!.scenario}
              </option>
            ))}
          </select>
        </label>
      </div>
      {other ? (
        <>
          <div className="compare-grid">
            <RunColumn run={run} span={span} />
            <RunColumn run={other} span={span} />
          </div>
          <table className="compare-checks" aria-label={t('compare.checks')}>
            <thead>
              <tr>
                <th scope="col">{t('compare.check')}</th>
                <th scope="col">{run.id}</th>
                <th scope="col">{other.id}</th>
                <th scope="col">{t('compare.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((c) => (
                <tr key={c.id} className={c.differs ? 'differs' : undefined}>
                  <th scope="row">{words((c.a ?? c.b)!).name}</th>
                  <td>{cell(c.a)}</td>
                  <td>{cell(c.b)}</td>
                  <td>{c.differs ? t('compare.differs') : t('compare.same')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="empty">{t('compare.none')}</p>
      )}
    </section>
  )
})

function RunColumn({ run, span }: { run: RunState; span: number }): React.JSX.Element {
  const { t } = useTranslation()
  const xDomain: [number, number] = [0, span / 1000]
  const cpu = useMemo(() => cpuRows(run.series.cpu), [run.series.cpu])
  const depth = useMemo(
    () => mergeSteps(new Map([...run.series.queues].map(([k, q]) => [k, q.series]))),
    [run.series.queues]
  )
  const name = `${run.id} · ${run.scenario} (${t(`status.${run.status}`)})`
  return (
    <section aria-label={name} className="compare-run">
      <h3>{name}</h3>
      <TimelineView run={run} span={span} label={`${t('timeline')} · ${run.id}`} />
      <TimeSeriesChart
        label={`${t('cpu')} · ${run.id}`}
        data={cpu.rows}
        lines={Array.from({ length: cpu.cores }, (_, i) => ({
          key: `c${i}`,
          label: t('cpuView.core', { n: i }),
          color: coreColor(i)
        }))}
        xDomain={xDomain}
        yDomain={[0, 'auto']}
        yUnit="%"
        height={160}
      />
      <TimeSeriesChart
        label={`${t('queuesView.depth')} · ${run.id}`}
        data={depth}
        lines={[...run.series.queues.keys()].map((k) => ({
          key: k,
          label: k,
          color: seriesColor(k)
        }))}
        xDomain={xDomain}
        height={140}
      />
    </section>
  )
}
