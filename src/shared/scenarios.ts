// The scenario catalogue: ids, parameters (with ranges) and texts in Korean and English.
// Types and constants only; the programs live in src/main/core/scenarios.

export type Lang = 'ko' | 'en'
export type Text = Record<Lang, string>

interface ParamBase {
  name: string
  description: Text
}
export interface NumberParam extends ParamBase {
  type: 'int' | 'number'
  default: number
  min: number
  max: number
}
export interface StringParam extends ParamBase {
  type: 'string'
  default: string
  /** Length bounds. */
  min: number
  max: number
}
export interface EnumParam extends ParamBase {
  type: 'enum'
  default: string
  options: readonly string[]
}
export type ParamSpec = NumberParam | StringParam | EnumParam
export type ParamValue = number | string
export type ParamValues = Record<string, ParamValue>

export interface ScenarioSpec {
  id: string
  title: Text
  /** What the tutorial section teaches. */
  summary: Text
  /** What to look for in the views while it runs. */
  watch: Text
  params: readonly ParamSpec[]
}

/** Every scenario takes `pace`: >1 stretches its steps so a person can follow them. */
export const PACE_PARAM: NumberParam = {
  name: 'pace',
  type: 'number',
  default: 1,
  min: 0.1,
  max: 100,
  description: {
    ko: '느린 재생 배율 (1 = 실제 속도, 10 = 단계마다 10배 느리게)',
    en: 'slow-motion factor (1 = as fast as it runs, 10 = each step 10x slower)'
  }
}

const d = (en: string, ko: string): Text => ({ en, ko })
const int = (
  name: string,
  def: number,
  min: number,
  max: number,
  description: Text
): NumberParam => ({
  name,
  type: 'int',
  default: def,
  min,
  max,
  description
})
const PROCESSES = (def: number): NumberParam =>
  int('processes', def, 1, 256, d('number of child processes', '만들 자식 프로세스 수'))
const POOL_SIZE = (def: number): NumberParam =>
  int('processes', def, 1, 64, d('number of worker processes in the pool', '풀의 워커 프로세스 수'))
const PIECES = int(
  'pieces',
  4,
  1,
  100,
  d('pieces each line is written in', '한 줄을 나누어 쓰는 조각 수')
)
const JITTER = int(
  'jitterMs',
  5,
  0,
  1000,
  d('random pause between pieces, up to this many ms', '조각 사이의 무작위 대기 (최대 ms)')
)

export const SCENARIOS: readonly ScenarioSpec[] = [
  {
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
  },
  {
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
  },
  {
    id: 'queue',
    title: d('Queue', '큐(Queue)'),
    summary: d(
      'A Queue is a process-safe channel: several sender processes put one greeting each, and the host gets some of them.',
      '큐는 process-safe한 통신 수단입니다. 송신 프로세스 여러 개가 인사말을 하나씩 넣고, 호스트가 그중 일부를 꺼냅니다.'
    ),
    watch: d(
      'The queue depth rises as senders put and falls as the host gets. As in the tutorial, the host reads 2 of 3 messages: one is left unread at the end. Arrival order is not guaranteed. With maxsize > 0 a full queue blocks put; if more messages stay unread than it holds, Python would hang: here the host closes the queue at the end and the blocked senders give up.',
      '송신자가 넣을 때 큐 깊이가 올라가고 호스트가 꺼낼 때 내려갑니다. 튜토리얼처럼 메시지 3개 중 2개만 읽으므로 마지막에 1개가 남습니다. 도착 순서는 보장되지 않습니다. maxsize > 0이면 가득 찬 큐에서 put이 막힙니다. 읽지 않은 메시지가 큐 용량보다 많으면 파이썬은 멈춰 버리지만, 여기서는 호스트가 마지막에 큐를 닫아 막힌 송신자들이 포기합니다.'
    ),
    params: [
      int('senders', 3, 1, 256, d('number of sender processes', '송신 프로세스 수')),
      int('reads', 2, 0, 256, d('messages the host gets', '호스트가 꺼낼 메시지 수')),
      int('maxsize', 0, 0, 10_000, d('queue capacity (0 = unbounded)', '큐 용량 (0 = 무제한)')),
      PACE_PARAM
    ]
  },
  {
    id: 'pipe',
    title: d('Pipe', '파이프(Pipe)'),
    summary: d(
      'A Pipe joins exactly two endpoints. A sender child sends a message and closes its end; a receiver child receives it and prints it.',
      '파이프는 정확히 두 끝점을 잇습니다. 송신 자식이 메시지를 보내고 자기 끝을 닫으면, 수신 자식이 받아서 출력합니다.'
    ),
    watch: d(
      'Two processes joined by one channel; the message crossing it (bytes, time) directly between the children; the channel closing.',
      '하나의 채널로 이어진 두 프로세스, 자식 사이를 직접 건너는 메시지(바이트, 시간), 채널이 닫히는 순간을 보세요.'
    ),
    params: [
      {
        name: 'message',
        type: 'string',
        default: 'Hello World',
        min: 0,
        max: 10_000,
        description: d('the message sent', '보낼 메시지')
      },
      int('count', 1, 1, 100_000, d('how many times it is sent', '보내는 횟수')),
      PACE_PARAM
    ]
  },
  {
    id: 'mix',
    title: d('Output mixing without a lock', 'lock 없이 섞이는 출력'),
    summary: d(
      'Several processes print a line each, written in pieces with small random pauses, with no lock: their output can interleave.',
      '여러 프로세스가 한 줄씩 출력하되, 작은 무작위 대기를 두고 여러 조각으로 나누어 쓰며 lock을 쓰지 않습니다. 출력이 섞일 수 있습니다.'
    ),
    watch: d(
      'Lines of different processes interleave in the console (per-process colour), and the timeline shows their writes overlapping. The writers are forked one after another and start writing together when the host opens a start gate (a small queue).',
      '콘솔에서 여러 프로세스의 줄이 섞이고(프로세스별 색), 타임라인에서 쓰기가 겹치는 것을 보세요. 쓰는 프로세스들은 차례로 만들어진 뒤, 호스트가 시작 게이트(작은 큐)를 열면 함께 쓰기 시작합니다.'
    ),
    params: [PROCESSES(3), PIECES, JITTER, PACE_PARAM]
  },
  {
    id: 'lock',
    title: d('Lock', 'Lock으로 동기화하기'),
    summary: d(
      'The same writers, but each holds one Lock around its whole line: only one process writes at a time.',
      '같은 쓰기 작업이지만 각 프로세스가 한 줄 전체를 쓰는 동안 Lock을 잡습니다. 한 번에 한 프로세스만 씁니다.'
    ),
    watch: d(
      "Lines never interleave; the timeline's lock wait and hold spans never overlap; the lock's waiting count over time. The writers start together when the host opens a start gate, so they compete for the lock.",
      '줄이 섞이지 않고, 타임라인의 lock 대기·보유 구간이 겹치지 않으며, 시간에 따른 lock 대기 수를 보세요. 호스트가 시작 게이트를 열면 모두 함께 시작하므로 lock을 두고 경쟁합니다.'
    ),
    params: [PROCESSES(3), PIECES, JITTER, PACE_PARAM]
  },
  {
    id: 'pool-apply',
    title: d('Pool: apply_async', 'Pool: apply_async'),
    summary: d(
      'A Pool keeps a fixed number of worker processes and hands each task to a free one. apply_async(square, 10) runs one task asynchronously; get() waits for its result.',
      'Pool은 정해진 수의 워커 프로세스를 두고 비어 있는 워커에 태스크를 맡깁니다. apply_async(square, 10)은 태스크 하나를 비동기로 실행하고, get()으로 결과를 기다립니다.'
    ),
    watch: d(
      'A pool of worker processes; the one task, the worker that ran it, and the result (100).',
      '워커 프로세스 풀, 태스크 하나와 그것을 실행한 워커, 결과(100)를 보세요.'
    ),
    params: [
      POOL_SIZE(4),
      int('x', 10, -1_000_000, 1_000_000, d('the number to square', '제곱할 수')),
      PACE_PARAM
    ]
  },
  {
    id: 'pool-map',
    title: d('Pool: map', 'Pool: map'),
    summary: d(
      'map(square, [1..items]) splits the items over the pool; when there are more items than workers, workers are reused as they become free.',
      'map(square, [1..items])은 항목을 풀에 나누어 맡깁니다. 항목이 워커보다 많으면 일이 끝난 워커가 다시 쓰입니다.'
    ),
    watch: d(
      "The result is the list of squares in order. With more items than workers (e.g. items=20, processes=3, taskMs=50) the task stream shows workers being reused and the pool's task-queue depth falling.",
      '결과는 순서대로의 제곱 목록입니다. 항목이 워커보다 많으면(예: items=20, processes=3, taskMs=50) 워커가 재사용되고 풀의 태스크 큐 깊이가 줄어드는 것을 보세요.'
    ),
    params: [
      POOL_SIZE(5),
      int('items', 3, 1, 100_000, d('map over 1..items', '1..items에 대해 map')),
      int('taskMs', 0, 0, 60_000, d('CPU work per task, ms', '태스크당 CPU 작업 시간(ms)')),
      PACE_PARAM
    ]
  },
  {
    id: 'gil',
    title: d('Processes vs threads (GIL)', '멀티프로세싱과 스레딩 (GIL)'),
    summary: d(
      'The same CPU-bound work split N ways: (a) N tasks interleaved on one event loop in one process — like Python threads under the GIL, one runs at a time; (b) N worker processes, which run in parallel on all cores; (c) optionally N worker_threads in one process — unlike CPython threads, Node threads do run in parallel.',
      '같은 CPU 작업을 N개로 나눕니다. (a) 한 프로세스의 이벤트 루프에서 N개 작업을 번갈아 실행 — GIL 아래의 파이썬 스레드처럼 한 번에 하나만 실행됩니다. (b) N개의 워커 프로세스 — 모든 코어에서 병렬로 실행됩니다. (c) 선택: 한 프로세스 안의 worker_threads N개 — CPython 스레드와 달리 Node 스레드는 병렬로 실행됩니다.'
    ),
    watch: d(
      'The per-core CPU chart: phase (a) keeps about one core busy, phases (b) and (c) use all cores; the wall times side by side (the log marks where each phase begins and ends).',
      '코어별 CPU 차트에서 (a) 단계는 코어 하나 정도만, (b)와 (c) 단계는 모든 코어를 쓰는 것을 보고, 단계별 경과 시간을 비교하세요 (로그에 각 단계의 시작과 끝이 표시됩니다).'
    ),
    params: [
      int(
        'workers',
        2,
        1,
        64,
        d(
          'number of ways to split the work (default: one per core, at least 2)',
          '작업을 나눌 수 (기본: 코어 수, 최소 2)'
        )
      ),
      int('workMs', 1000, 10, 60_000, d('CPU work per worker, ms', '워커당 CPU 작업 시간(ms)')),
      {
        name: 'threads',
        type: 'enum',
        default: 'on',
        options: ['on', 'off'],
        description: d(
          'also run phase (c): N worker_threads in one process',
          '(c) 단계도 실행: 한 프로세스 안의 worker_threads N개'
        )
      },
      PACE_PARAM
    ]
  },
  {
    id: 'pipe-vs-queue',
    title: d('Pipe vs Queue speed', 'Pipe와 Queue 속도 비교'),
    summary: d(
      'The tutorial says a Pipe is several times faster than a Queue but safe for two endpoints only. The same stream of messages goes through a Pipe and through a Queue.',
      '튜토리얼은 Pipe가 Queue보다 몇 배 빠르지만 끝점이 둘일 때만 안전하다고 말합니다. 같은 메시지 흐름을 Pipe와 Queue로 각각 보냅니다.'
    ),
    watch: d(
      "Messages per second for each, measured in this run from the moment the host opens the start gate to the last message received, and their ratio. The tutorial's claim is reported as observed or not observed on this machine.",
      '이번 실행에서 호스트가 시작 게이트를 연 순간부터 마지막 메시지를 받을 때까지 측정한 각각의 초당 메시지 수와 그 비율을 보세요. 튜토리얼의 주장이 이 컴퓨터에서 관찰되었는지도 알려 줍니다.'
    ),
    params: [
      int(
        'messages',
        100_000,
        1,
        10_000_000,
        d('messages sent through each', '각각으로 보낼 메시지 수')
      ),
      int(
        'bytes',
        64,
        0,
        1_048_576,
        d('payload size of each message', '메시지 하나의 크기(바이트)')
      ),
      PACE_PARAM
    ]
  }
]

export function findScenario(id: string): ScenarioSpec | undefined {
  return SCENARIOS.find((s) => s.id === id)
}
