// Reduced motion and zoomed-out pictures: a join's message dot stands still (no SMIL
// animation), and moves only when motion is welcome and the boxes are near enough to follow.
import { render } from '@testing-library/react'
import { Position, ReactFlowProvider, useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { describe, expect, it } from 'vitest'
import type { DiagramEdge } from './diagramGraph'
import { FAR_ZOOM, FarClass, Join } from './DiagramNodes'

const edge: DiagramEdge = {
  id: 'u:c:queue:q|p:2|in',
  source: 'p:2',
  target: 'c:queue:q',
  kind: 'use',
  active: { count: 3, seq: 7, reverse: false }
}

function Zoom({ zoom }: { zoom: number }): null {
  const store = useStoreApi()
  useEffect(() => store.setState({ transform: [0, 0, zoom] }), [store, zoom])
  return null
}

function draw(still: boolean, zoom = 1): HTMLElement {
  const { container } = render(
    <ReactFlowProvider>
      <Zoom zoom={zoom} />
      <svg>
        <Join
          id={edge.id}
          source={edge.source}
          target={edge.target}
          sourceX={0}
          sourceY={0}
          targetX={100}
          targetY={100}
          sourcePosition={Position.Bottom}
          targetPosition={Position.Top}
          data={{ edge, still }}
        />
      </svg>
    </ReactFlowProvider>
  )
  return container
}

describe('Join (a channel’s join with its recent messages)', () => {
  it('moves the message dot along the join when motion is welcome', () => {
    const c = draw(false)
    expect(c.querySelector('animateMotion')).not.toBeNull()
    expect(c.querySelector('[role="img"]')).toHaveAccessibleName('3 moved just now')
  })

  it('stands still under reduced motion, with the same count', () => {
    const c = draw(true)
    expect(c.querySelector('animateMotion')).toBeNull()
    expect(c.querySelector('circle')).not.toBeNull()
    expect(c.querySelector('[role="img"]')).toHaveAccessibleName('3 moved just now')
  })

  it('stands still when zoomed out below FAR_ZOOM', () => {
    const c = draw(false, FAR_ZOOM / 2)
    expect(c.querySelector('animateMotion')).toBeNull()
    expect(c.querySelector('circle')).not.toBeNull()
  })
})

describe('FarClass (zoomed out, boxes are outlines: a class, so no box redraws)', () => {
  function Canvas({ zoom }: { zoom: number }): React.JSX.Element {
    const canvas = useRef<HTMLDivElement>(null)
    return (
      <div ref={canvas} data-testid="canvas">
        <ReactFlowProvider>
          <Zoom zoom={zoom} />
          <FarClass canvas={canvas} />
        </ReactFlowProvider>
      </div>
    )
  }

  it('marks the canvas far below FAR_ZOOM and unmarks it above', () => {
    const { getByTestId, rerender } = render(<Canvas zoom={FAR_ZOOM / 2} />)
    expect(getByTestId('canvas')).toHaveClass('far')
    rerender(<Canvas zoom={1} />)
    expect(getByTestId('canvas')).not.toHaveClass('far')
  })
})
