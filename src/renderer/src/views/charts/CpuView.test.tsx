import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { buildRun } from '../../test/buildRun'
import { helloEvents } from '../../test/fixtures/helloRun'
import { samples, SYN_HOST } from '../../test/fixtures/synthetic'
import { CpuView } from './CpuView'

describe('CpuView', () => {
  it('draws a line per core plus run total and host (recorded hello)', () => {
    const { container } = render(<CpuView run={buildRun(helloEvents)} />)
    expect(screen.getByRole('img', { name: 'CPU per core' })).toBeInTheDocument()
    // Legend entries come from recharts.
    for (const name of ['core 0', 'core 1', 'run total', 'host'])
      expect(container.querySelector('.recharts-legend-wrapper')).toHaveTextContent(name)
  })

  it('writes out the latest sample, "no data yet" for a first tick', () => {
    const first = helloEvents.filter((e) => e.type !== 'sample' || e.t < 150)
    render(<CpuView run={buildRun(first)} />)
    const latest = screen.getByLabelText('Latest sample')
    expect(within(latest).getAllByText('no data yet').length).toBeGreaterThanOrEqual(2)
  })

  it('shows only the last 60 s of an hour-long run (synthetic)', () => {
    const run = buildRun(
      [
        { t: 0, type: 'run.start', scenario: 'x', params: {}, hostPid: SYN_HOST },
        ...samples(3_600_000, 500)
      ],
      'r',
      500
    )
    const { container } = render(<CpuView run={run} />)
    expect(run.series.cpu.length).toBeLessThanOrEqual(121)
    expect(screen.getByText('last 60 s, % of one core')).toBeInTheDocument()
    // 2 cores + run total + host
    expect(container.querySelectorAll('path.recharts-line-curve')).toHaveLength(4)
  })

  it('says so when there are no samples', () => {
    render(<CpuView run={buildRun(helloEvents.filter((e) => e.type !== 'sample'))} />)
    expect(screen.getByText('No CPU samples yet.')).toBeInTheDocument()
  })
})
