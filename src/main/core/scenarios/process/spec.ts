// The `process` scenario's entry in the catalogue: its texts in English and Korean, its
// parameters with their ranges.
import type { ScenarioSpec } from '../../../../shared/scenarios'
import { PACE_PARAM, PROCESSES, d } from '../kit/specKit'

export const spec: ScenarioSpec = {
  id: 'process',
  title: d('Creating processes', '프로세스 생성하기'),
  summary: d(
    'Process(target, args).start() creates a child process. The host starts several children; each prints its index, its PID and its parent PID, then exits. join() waits for a child to finish.',
    'Process(target, args).start()로 자식 프로세스를 만듭니다. 호스트가 자식 여러 개를 시작하고, 각 자식은 번호와 PID, 부모 PID를 출력한 뒤 종료합니다. join()은 자식이 끝날 때까지 기다립니다.'
  ),
  watch: d(
    'Every child has its own PID and the same PPID: the host. The children start working together (the host opens a start gate once all are forked); earlier children work longer. With join=last (as in the tutorial) the host waits only for the last child, so it moves on while the others still run; is_alive() turns false after exit.',
    '자식마다 PID가 다르고 PPID는 모두 호스트입니다. 자식들은 모두 만들어진 뒤 호스트가 시작 게이트를 열면 함께 일을 시작하며, 앞선 자식일수록 오래 일합니다. join=last(튜토리얼과 같음)이면 호스트는 마지막 자식만 기다리므로 다른 자식이 아직 실행 중일 때 다음으로 넘어갑니다. 종료 후 is_alive()는 false가 됩니다.'
  ),
  params: [
    PROCESSES(3),
    {
      name: 'join',
      type: 'enum',
      default: 'last',
      options: ['last', 'all'],
      description: d(
        'which children the host joins: only the last (tutorial) or all',
        '호스트가 join할 자식: 마지막 하나(튜토리얼) 또는 전부'
      )
    },
    PACE_PARAM
  ]
}
