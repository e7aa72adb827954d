// Draws one throw-away chart off screen while the app is idle after it loads, so that the first
// chart a user opens during a run does not also pay for compiling recharts (the first chart of a
// session is several times slower to show than a later one: docs/measurements.md).
import { createRoot } from 'react-dom/client'
import type { LineSpec, Marker } from './TimeSeriesChart'
import { TimeSeriesChart } from './TimeSeriesChart'

const LINES: LineSpec[] = [
  { key: 'a', label: 'a', color: '#888' },
  { key: 'b', label: 'b', color: '#888', dashed: true, step: true, width: 2 }
]
const ROWS = Array.from({ length: 20 }, (_, i) => ({ t: i / 10, a: i % 7, b: i % 3 }))
const MARKERS: Marker[] = [{ x: 1, y: 1, color: '#888', label: 'm' }]

/** Renders the chart once in a hidden container, then unmounts it (resolves when done). */
export function warmUpCharts(win: Window = window): Promise<void> {
  return new Promise((done) => {
    const idle = win.requestIdleCallback ?? ((cb: () => void) => win.setTimeout(cb, 500))
    idle(() => {
      const host = win.document.createElement('div')
      host.setAttribute('aria-hidden', 'true')
      host.style.cssText = 'position:fixed;left:-10000px;top:0;width:640px;visibility:hidden'
      win.document.body.append(host)
      const root = createRoot(host)
      root.render(
        <TimeSeriesChart label="" data={ROWS} lines={LINES} xDomain={[0, 2]} markers={MARKERS} />
      )
      // after its effects and recharts' follow-up renders have run
      win.setTimeout(() => {
        root.unmount()
        host.remove()
        done()
      }, 100)
    })
  })
}
