// Lays out the diagram off the main thread: dagre takes tens to hundreds of milliseconds for a
// few hundred boxes, which would hold up the frames of a live run.
import type { Shape } from './diagramLayout'
import { layoutShape } from './diagramLayout'

self.onmessage = (e: MessageEvent<{ key: string; shape: Shape }>) => {
  const placed = layoutShape(e.data.shape)
  self.postMessage({ key: e.data.key, placed: [...placed] })
}
