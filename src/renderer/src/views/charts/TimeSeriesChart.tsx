// A thin typed wrapper over recharts' LineChart: time (s) on x, lines from the app's colour
// map, theme-aware axes, no animation (data arrive several times a second). Every prop handed
// to recharts keeps its identity between renders unless its value changed: recharts 3 copies
// each changed prop into its store and re-runs its selectors, so a fresh object per render
// made every redraw several times dearer. Axes show every one of their few nice ticks
// (interval 0): the default 'preserveEnd' measured each label in the DOM on every redraw.
import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import { useElementSize } from '../../hooks/useElementSize'
import { chartTheme, useColorScheme } from '../../theme/useColorScheme'
import { MarkerLayer } from './MarkerLayer'
import { formatSeconds } from '../../util/format'

export interface LineSpec {
  key: string
  label: string
  color: string
  dashed?: boolean
  step?: boolean
  width?: number
}

export interface Marker {
  x: number
  y: number
  color: string
  label: string
}

interface Props {
  data: readonly Record<string, number | null>[]
  lines: readonly LineSpec[]
  xDomain: [number, number]
  yDomain?: [number, number | 'auto']
  yUnit?: string
  markers?: readonly Marker[]
  height?: number
  label: string
}

const MARGIN = { top: 8, right: 16, bottom: 4, left: 0 }
const LEGEND_STYLE = { fontSize: 12 }
const axisTime = (v: number): string => formatSeconds(v, v < 10 ? 1 : 0)
const tooltipTime = (v: unknown): string => formatSeconds(Number(v), 2)

export const TimeSeriesChart = memo(function TimeSeriesChart(props: Props): React.JSX.Element {
  const { data, lines, xDomain, yDomain, yUnit, markers, height = 220, label } = props
  const [ref, size] = useElementSize<HTMLDivElement>({ width: 640, height })
  const scheme = useColorScheme()
  // the axis's units follow the language: redraw when it changes
  useTranslation()
  const theme = useMemo(() => chartTheme(scheme), [scheme])
  const styles = useMemo(
    () => ({
      tick: { fill: theme.axis, fontSize: 11 },
      content: { background: theme.background, borderColor: theme.grid },
      label: { color: theme.text }
    }),
    [theme]
  )
  const [x0, x1] = xDomain
  const xDom = useMemo<[number, number]>(() => [x0, x1], [x0, x1])
  const [y0, y1] = yDomain ?? [0, 'auto']
  const yDom = useMemo<[number, number | 'auto']>(() => [y0, y1], [y0, y1])
  const formatY = useMemo(() => (v: number) => `${v}${yUnit ?? ''}`, [yUnit])
  return (
    <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label}>
      <LineChart
        width={size.width}
        height={height}
        data={data as Record<string, number | null>[]}
        margin={MARGIN}
      >
        <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          domain={xDom}
          allowDataOverflow
          interval={0}
          tick={styles.tick}
          stroke={theme.axis}
          tickFormatter={axisTime}
        />
        <YAxis
          domain={yDom}
          interval={0}
          tick={styles.tick}
          stroke={theme.axis}
          width={44}
          allowDecimals={false}
          tickFormatter={formatY}
        />
        <Tooltip
          contentStyle={styles.content}
          labelStyle={styles.label}
          labelFormatter={tooltipTime}
          isAnimationActive={false}
        />
        <Legend wrapperStyle={LEGEND_STYLE} />
        {lines.map((l) => (
          <Line
            key={l.key}
            dataKey={l.key}
            name={l.label}
            stroke={l.color}
            strokeWidth={l.width ?? 1.5}
            strokeDasharray={l.dashed ? '4 3' : undefined}
            type={l.step ? 'stepAfter' : 'linear'}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
        {markers?.length ? <MarkerLayer markers={markers} stroke={theme.text} /> : null}
      </LineChart>
    </div>
  )
})
