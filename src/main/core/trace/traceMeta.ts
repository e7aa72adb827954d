// The facts about the machine a trace was recorded on, next to the run's own identity.
import { arch, cpus, hostname, platform, release } from 'node:os'
import type { RunInfo } from '../../../shared/api'
import type { TraceMeta } from '../../../shared/trace'
import { version as appVersion } from '../../../../package.json'

export function traceMeta(info: RunInfo): TraceMeta {
  const cpuList = cpus()
  return {
    scenario: info.scenario,
    params: info.params,
    hostPid: info.hostPid,
    startedAt: info.startedAt,
    host: hostname(),
    os: `${platform()} ${release()} ${arch()}`,
    cpuModel: cpuList[0]?.model.trim() || 'unknown',
    cores: Math.max(1, cpuList.length),
    appVersion
  }
}
