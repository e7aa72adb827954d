// .github/workflows/ci.yml against the GitHub workflow schema that @action-validator/core carries
// (compiled in: nothing is fetched), and the jobs the issue asks of it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateWorkflow } from '@action-validator/core'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const source = readFileSync(join(__dirname, '../.github/workflows/ci.yml'), 'utf8')
type Step = {
  name?: string
  run?: string
  uses?: string
  if?: string
  with?: Record<string, string>
}
type Workflow = {
  on: Record<string, unknown>
  jobs: Record<string, { strategy: { matrix: { include: { os: string }[] } }; steps: Step[] }>
}
const workflow = parse(source) as Workflow

describe('ci.yml', () => {
  it('is a valid GitHub Actions workflow', () => {
    expect(validateWorkflow(source).errors).toEqual([])
  })

  it('fails validation with a misspelt key, event or value', () => {
    for (const [from, to] of [
      ['runs-on:', 'run-on:'],
      ['pull_request:', 'pull_requests:'],
      ['timeout-minutes: 60', 'timeout-minutes: sixty'],
      ['- uses: actions/checkout@v4', '- use: actions/checkout@v4']
    ]) {
      expect(source, from).toContain(from)
      expect(validateWorkflow(source.replace(from, to)).errors, `${from} → ${to}`).not.toEqual([])
    }
  })

  it('tests on push and pull request on Linux, macOS and Windows; installers on tags', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']))
    const { strategy, steps } = workflow.jobs.test
    expect(strategy.matrix.include.map((m) => m.os)).toEqual([
      'ubuntu-latest',
      'macos-latest',
      'windows-latest'
    ])
    const runs = (cmd: string) => steps.filter((s) => s.run === cmd)
    expect(runs('npm ci')).toHaveLength(1)
    expect(runs('xvfb-run -a npm test')[0]?.if).toBe("runner.os == 'Linux'")
    expect(runs('npm test')[0]?.if).toBe("runner.os != 'Linux'")
    const onTags = "startsWith(github.ref, 'refs/tags/')"
    expect(runs('npm run dist')[0]?.if).toBe(onTags)
    const upload = steps.find(
      (s) => s.uses?.startsWith('actions/upload-artifact') && s.if === onTags
    )
    expect(upload?.with?.path).toMatch(/dist\/\*\.dmg/)
  })
})
