// Every registered scenario, run for real (real processes, smallest parameters), exports to a
// well-formed Chrome trace, to CSV with the declared columns, and re-opens identical.
import { describe, expect, it } from 'vitest'
import { PoolScopeService } from '../host/PoolScopeService'
import { programs } from '../scenarios/registry'
import { smallestParams } from '../../../../test/core/scenarios/runScenario'
import { checkChromeTrace } from './checkChromeTrace'
import { COMBINED_COLUMNS } from './csvTrace'
import { parseCsv } from './parseCsv'

describe('traces of real scenario runs', () => {
  it.each([...programs.keys()])('%s', async (id) => {
    const spec = programs.get(id)!.spec
    const params = smallestParams(spec)
    const service = new PoolScopeService()
    const run = service.startRun(id, params)
    await run.done
    const exportAs = (format: 'native' | 'chrome' | 'csv'): Promise<{ content: string }> =>
      service.call('exportRun', { runId: run.id, format })

    const chrome = (await exportAs('chrome')).content
    expect(checkChromeTrace(chrome)).toEqual([])
    // Every get of a message that was put in this run is an arrow from its put.
    const puts = new Set(
      run.events.slice().flatMap((e) => (e.type === 'queue.put' ? [`${e.queue}/${e.msg}`] : []))
    )
    const gets = run.events
      .slice()
      .filter((e) => e.type === 'queue.get' && puts.has(`${e.queue}/${e.msg}`))
    expect((chrome.match(/"ph":"f","cat":"queue"|"cat":"queue","ph":"f"/g) ?? []).length).toBe(
      gets.length
    )

    const [head, ...rows] = parseCsv((await exportAs('csv')).content)
    expect(head).toEqual([...COMBINED_COLUMNS])
    expect(rows.every((r) => r.length === head!.length)).toBe(true)

    const info = await service.call('openTrace', {
      fileName: `${id}.poolscope.json`,
      content: (await exportAs('native')).content
    })
    expect(service.getRun(info.id).events.slice()).toEqual(run.events.slice())
    await service.shutdown()
  })
})
