// A chart's markers as plain circles in one SVG group, placed with the chart's own scales.
// recharts' ReferenceDot registers each dot in the chart's store, so hundreds of them (a long
// opened trace's blocked puts) are slow to mount (docs/measurements.md); circles cost next to
// nothing.
import { memo } from 'react'
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts'
import type { Marker } from './TimeSeriesChart'

export const MarkerLayer = memo(function MarkerLayer({
  markers,
  stroke
}: {
  markers: readonly Marker[]
  stroke: string
}): React.JSX.Element | null {
  const x = useXAxisScale()
  const y = useYAxisScale()
  const area = usePlotArea()
  if (!x || !y || !area) return null
  const inside = (px: number, py: number): boolean =>
    px >= area.x && px <= area.x + area.width && py >= area.y && py <= area.y + area.height
  return (
    <g className="chart-markers">
      {markers.map((m, i) => {
        const px = x(m.x)
        const py = y(m.y)
        // like ReferenceDot's ifOverflow="discard": a marker off the axes is not drawn
        if (px === undefined || py === undefined || !inside(px, py)) return null
        return (
          <circle
            key={i}
            className="chart-marker"
            cx={px}
            cy={py}
            r={4}
            fill={m.color}
            stroke={stroke}
          >
            <title>{m.label}</title>
          </circle>
        )
      })}
    </g>
  )
})
