// A pane splitter: drag it, or focus it and use the arrow keys (WAI-ARIA window splitter).
import { useRef } from 'react'

interface Props {
  /** 'vertical': a vertical bar between columns; 'horizontal': a bar between rows. */
  orientation: 'vertical' | 'horizontal'
  label: string
  value: number
  min: number
  max: number
  /** Called with the new value (same unit as value: px or %). */
  onChange(value: number): void
  /** Pixels per unit of value (1 for px, container size / 100 for %). */
  pxPerUnit?: number
  step?: number
}

export function Splitter(props: Props): React.JSX.Element {
  const { orientation, label, value, min, max, onChange, pxPerUnit = 1, step = 2 } = props
  const drag = useRef<{ start: number; value: number } | null>(null)
  const clamp = (v: number): number => Math.min(max, Math.max(min, v))
  const pos = (e: React.PointerEvent): number =>
    orientation === 'vertical' ? e.clientX : e.clientY
  return (
    <div
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={`splitter ${orientation}`}
      onPointerDown={(e) => {
        drag.current = { start: pos(e), value }
        e.currentTarget.setPointerCapture?.(e.pointerId)
      }}
      onPointerMove={(e) => {
        if (drag.current)
          onChange(clamp(drag.current.value + (pos(e) - drag.current.start) / pxPerUnit))
      }}
      onPointerUp={() => (drag.current = null)}
      onKeyDown={(e) => {
        const less = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp'
        const more = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown'
        if (e.key === less) onChange(clamp(value - step))
        else if (e.key === more) onChange(clamp(value + step))
        else if (e.key === 'Home') onChange(min)
        else if (e.key === 'End') onChange(max)
        else return
        e.preventDefault()
      }}
    />
  )
}
