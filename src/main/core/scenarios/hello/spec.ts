// The `hello` scenario's entry in the catalogue: its texts in English and Korean, its
// parameters with their ranges.
import type { ScenarioSpec } from '../../../../shared/scenarios'
import { PACE_PARAM } from '../kit/specKit'

export const spec: ScenarioSpec = {
  id: 'hello',
  title: { ko: '안녕, 프로세스', en: 'Hello, process' },
  summary: {
    ko: '호스트가 자식 프로세스 하나를 만들고, 자식은 자신의 PID와 부모 PID를 출력한 뒤 종료합니다.',
    en: 'The host forks one child; the child prints its PID and its parent PID, then exits.'
  },
  watch: {
    ko: '자식의 PPID가 호스트의 PID와 같은지 확인하세요. `ps`로 직접 확인할 수 있는 실제 PID입니다.',
    en: "Check that the child's PPID is the host's PID. These are real PIDs you can check with `ps`."
  },
  params: [PACE_PARAM]
}
