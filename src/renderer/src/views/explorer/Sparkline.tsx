// A small line of the last values (null = no data, a gap). Plain SVG: 60 points need no chart
// library, and the details pane redraws it every second.
export function Sparkline({
  values,
  label,
  max
}: {
  values: readonly (number | null)[]
  label: string
  max?: number
}): React.JSX.Element {
  const W = 120
  const H = 24
  const top = max ?? Math.max(1, ...values.map((v) => v ?? 0))
  const step = W / Math.max(1, values.length - 1)
  let d = ''
  let pen = false
  values.forEach((v, i) => {
    if (v === null) return void (pen = false)
    d += `${pen ? 'L' : 'M'}${(i * step).toFixed(1)},${(H - (Math.min(v, top) / top) * H).toFixed(1)}`
    pen = true
  })
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={label}
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  )
}
