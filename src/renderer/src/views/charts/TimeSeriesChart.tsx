// A thin typed wrapper over recharts' LineChart: time (s) on x, lines from the app's colour
// map, theme-aware axes, no animation (data arrive several times a second).
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  Tooltip,
  XAxis,
  YAxis
} from 'recharts'
import { useElementSize } from '../../hooks/useElementSize'
import { chartTheme, useColorScheme } from '../../theme/useColorScheme'

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

export function TimeSeriesChart(props: Props): React.JSX.Element {
  const { data, lines, xDomain, yDomain, yUnit, markers, height = 220, label } = props
  const [ref, size] = useElementSize<HTMLDivElement>({ width: 640, height })
  const theme = chartTheme(useColorScheme())
  const tick = { fill: theme.axis, fontSize: 11 }
  return (
    <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label}>
      <LineChart
        width={size.width}
        height={height}
        data={data as Record<string, number | null>[]}
        margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
      >
        <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          domain={xDomain}
          allowDataOverflow
          tick={tick}
          stroke={theme.axis}
          tickFormatter={(v: number) => `${v.toFixed(v < 10 ? 1 : 0)} s`}
        />
        <YAxis
          domain={yDomain ?? [0, 'auto']}
          tick={tick}
          stroke={theme.axis}
          width={44}
          allowDecimals={false}
          tickFormatter={(v: number) => `${v}${yUnit ?? ''}`}
        />
        <Tooltip
          contentStyle={{ background: theme.background, borderColor: theme.grid }}
          labelStyle={{ color: theme.text }}
          labelFormatter={(v) => `${Number(v).toFixed(2)} s`}
          isAnimationActive={false}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
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
        {markers?.map((m, i) => (
          <ReferenceDot
            key={i}
            x={m.x}
            y={m.y}
            r={4}
            fill={m.color}
            stroke={theme.text}
            ifOverflow="discard"
            label={undefined}
          />
        ))}
      </LineChart>
    </div>
  )
}
