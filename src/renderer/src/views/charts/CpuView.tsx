// CPU per core over the last CPU_WINDOW_MS, plus the run's processes summed and the host's
// own CPU, with the latest sample written out.
import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { RunState } from '../../store/runState'
import { CPU_WINDOW_MS } from '../../store/seriesModel'
import { coreColor, HOST_COLOR, RUN_TOTAL_COLOR } from '../../theme/colorMap'
import { readableText } from '../../theme/readableText'
import { useColorScheme } from '../../theme/useColorScheme'
import { formatPercent } from '../../util/format'
import { cpuRows } from './cpuData'
import type { LineSpec } from './TimeSeriesChart'
import { TimeSeriesChart } from './TimeSeriesChart'

export const CpuView = memo(function CpuView({ run }: { run: RunState }): React.JSX.Element {
  const { t } = useTranslation()
  const scheme = useColorScheme()
  const { rows, cores } = useMemo(() => cpuRows(run.series.cpu), [run.series.cpu])
  const lines = useMemo<LineSpec[]>(
    () => [
      ...Array.from({ length: cores }, (_, i) => ({
        key: `c${i}`,
        label: t('cpuView.core', { n: i }),
        color: coreColor(i)
      })),
      { key: 'run', label: t('cpuView.runTotal'), color: RUN_TOTAL_COLOR, width: 2.5 },
      { key: 'host', label: t('cpuView.hostCpu'), color: HOST_COLOR, dashed: true }
    ],
    [cores, t]
  )
  const last = run.series.cpu[run.series.cpu.length - 1]
  const end = Math.max(run.lastT, last?.t ?? 0) / 1000
  const start = Math.max(0, end - CPU_WINDOW_MS / 1000)
  const value = (v: number | null | undefined): string =>
    v === null || v === undefined ? t('cpuView.firstTick') : formatPercent(v)
  return (
    <section aria-label={t('cpu')} className="cpu view">
      <p className="muted">{t('cpuView.window', { s: CPU_WINDOW_MS / 1000 })}</p>
      {rows.length === 0 ? (
        <p className="empty">{t('cpuView.noData')}</p>
      ) : (
        <>
          <TimeSeriesChart
            label={t('cpu')}
            data={rows}
            lines={lines}
            xDomain={[start, Math.max(end, start + 1)]}
            yDomain={[0, 'auto']}
            yUnit="%"
            height={260}
          />
          <dl className="latest" aria-label={t('cpuView.now')}>
            {last?.cores.map((v, i) => (
              <div key={i}>
                <dt style={{ color: readableText(coreColor(i), scheme) }}>
                  {t('cpuView.core', { n: i })}
                </dt>
                <dd>{value(v)}</dd>
              </div>
            ))}
            <div>
              <dt style={{ color: readableText(RUN_TOTAL_COLOR, scheme) }}>
                {t('cpuView.runTotal')}
              </dt>
              <dd>{value(last?.run)}</dd>
            </div>
            <div>
              <dt style={{ color: readableText(HOST_COLOR, scheme) }}>{t('cpuView.hostCpu')}</dt>
              <dd>{value(last?.host)}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  )
})
