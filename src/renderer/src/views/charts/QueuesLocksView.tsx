// Queue depth over time for every queue (the pool's task queue too) with markers where a put
// blocked, and the number of processes waiting for each lock; tables give the counts. The
// charts draw the series decimated to CHART_BUCKETS columns (peaks kept) and one marker per
// column and depth, so a flood of events costs the chart no more than a quiet run.
import { memo, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Point } from '../../store/bounded'
import type { RunState } from '../../store/runState'
import { POOL_QUEUE } from '../../store/seriesModel'
import { pidColor, seriesColor } from '../../theme/colorMap'
import { readableText } from '../../theme/readableText'
import { useColorScheme } from '../../theme/useColorScheme'
import { decimateSteps } from './decimateSteps'
import { mergeSteps } from './seriesRows'
import type { LineSpec, Marker } from './TimeSeriesChart'
import { TimeSeriesChart } from './TimeSeriesChart'

/** Columns of the time axis that the charts resolve (a chart is ~1000 px wide). */
export const CHART_BUCKETS = 240

export const QueuesLocksView = memo(function QueuesLocksView({
  run
}: {
  run: RunState
}): React.JSX.Element {
  const { t } = useTranslation()
  const scheme = useColorScheme()
  const { queues, locks } = run.series
  const end = Math.max(1000, run.lastT)
  const queueName = (name: string): string => (name === POOL_QUEUE ? t('queuesView.pool') : name)
  const queueChart = useMemo(() => {
    const series = new Map<string, readonly Point[]>()
    for (const q of queues.values())
      series.set(q.name, decimateSteps(q.series, 0, end, CHART_BUCKETS))
    const lines: LineSpec[] = [...queues.keys()].map((name) => ({
      key: name,
      label: name === POOL_QUEUE ? t('queuesView.pool') : name,
      color: seriesColor(name),
      step: true,
      width: 2
    }))
    const markers: Marker[] = []
    const seen = new Set<string>()
    for (const q of queues.values())
      for (const p of q.blockedAt) {
        // markers closer than a column at the same depth would be drawn on top of each other
        const at = `${q.name}:${Math.floor((p.t / end) * CHART_BUCKETS)}:${p.v}`
        if (seen.has(at)) continue
        seen.add(at)
        markers.push({
          x: p.t / 1000,
          y: p.v,
          color: seriesColor(q.name),
          label: t('queuesView.blockedMark')
        })
      }
    return { rows: mergeSteps(series), lines, markers }
  }, [queues, end, t])
  const lockChart = useMemo(() => {
    const series = new Map<string, readonly Point[]>()
    for (const l of locks.values())
      series.set(l.name, decimateSteps(l.series, 0, end, CHART_BUCKETS))
    const lines: LineSpec[] = [...locks.keys()].map((name) => ({
      key: name,
      label: name,
      color: seriesColor(name),
      step: true,
      width: 2
    }))
    return { rows: mergeSteps(series), lines }
  }, [locks, end])
  const xDomain: [number, number] = [0, end / 1000]
  // The lock chart mounts one task after the view: mounting both charts at once (a run's
  // first queue and lock events usually arrive together) made one long frame of two.
  const [lockChartOn, setLockChartOn] = useState(false)
  useEffect(() => {
    if (locks.size === 0 || lockChartOn) return
    const timer = setTimeout(() => setLockChartOn(true))
    return () => clearTimeout(timer)
  }, [locks.size, lockChartOn])

  return (
    <section aria-label={t('queues')} className="queues view">
      <h3>{t('queuesView.depth')}</h3>
      {queues.size === 0 ? (
        <p className="empty">{t('queuesView.noQueues')}</p>
      ) : (
        <>
          <TimeSeriesChart
            label={t('queuesView.depth')}
            data={queueChart.rows}
            lines={queueChart.lines}
            markers={queueChart.markers}
            xDomain={xDomain}
          />
          <table aria-label={t('queuesView.depth')}>
            <ColumnHeads keys={['name', 'now', 'max', 'puts', 'gets', 'blocked', 'waiters']} />
            <tbody>
              {[...queues.values()].map((q) => (
                <tr key={q.name}>
                  <td>
                    <span className="swatch" style={{ background: seriesColor(q.name) }} />
                    {queueName(q.name)}
                  </td>
                  <td className="num">{q.depth}</td>
                  <td className="num">{q.max}</td>
                  <td className="num">{q.puts}</td>
                  <td className="num">{q.gets}</td>
                  <td className="num">{q.blocked}</td>
                  <td className="num">{q.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>{t('queuesView.waiting')}</h3>
      {locks.size === 0 ? (
        <p className="empty">{t('queuesView.noLocks')}</p>
      ) : (
        <>
          {lockChartOn ? (
            <TimeSeriesChart
              label={t('queuesView.waiting')}
              data={lockChart.rows}
              lines={lockChart.lines}
              xDomain={xDomain}
              height={160}
            />
          ) : (
            <div className="chart" style={{ height: 160 }} />
          )}
          <table aria-label={t('queuesView.waiting')}>
            <ColumnHeads keys={['name', 'now', 'holder', 'acquisitions']} />
            <tbody>
              {[...locks.values()].map((l) => (
                <tr key={l.name}>
                  <td>
                    <span className="swatch" style={{ background: seriesColor(l.name) }} />
                    {l.name}
                  </td>
                  <td className="num">{l.waiting}</td>
                  <td className="num">
                    {l.holder !== null && (
                      <span
                        style={{
                          color: readableText(pidColor(l.holder, run.hostPid, run.procs), scheme)
                        }}
                      >
                        {l.holder}
                      </span>
                    )}
                  </td>
                  <td className="num">{l.acquisitions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
})

/** A table's header row, one translated `queuesView.<key>` heading per column; every column
 *  but the name holds numbers and aligns right, its heading with it. */
function ColumnHeads({ keys }: { keys: readonly string[] }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <thead>
      <tr>
        {keys.map((k) => (
          <th key={k} scope="col" className={k === 'name' ? undefined : 'num'}>
            {t(`queuesView.${k}`)}
          </th>
        ))}
      </tr>
    </thead>
  )
}
