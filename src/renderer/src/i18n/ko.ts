// Korean UI text, same keys as en.ts.
import type { Strings } from './en'

export const ko: Strings = {
  appTitle: 'PoolScope',
  scenarios: '시나리오',
  parameters: '매개변수',
  runtime: '런타임',
  runtimes: { node: 'Node 재현', cpython: '실제 CPython (파이썬 강의 코드)' },
  run: '실행',
  stop: '중지',
  runs: '실행 기록',
  noRuns: '아직 실행한 것이 없습니다.',
  processes: '프로세스',
  cpu: '코어별 CPU',
  queues: '큐와 락',
  timeline: '타임라인',
  console: '콘솔',
  verdict: '판정',
  views: '보기',
  language: '언어',
  noRun: '시나리오를 고르고 실행을 누르거나, 저장한 트레이스를 여세요.',
  noOutput: '아직 출력이 없습니다.',
  watch: '살펴볼 점',
  progress: '진행',
  tasksProgress: '작업 {{queued}}개 중 {{done}}개 완료',
  dropped: '이벤트 {{n}}개 표시 못 함: 이 창이 뒤처졌습니다 (트레이스에는 남아 있음)',
  replay: '재생',
  live: '실시간',
  col: {
    pid: 'PID',
    ppid: 'PPID',
    name: '이름 / 역할',
    state: '상태',
    cpu: 'CPU %',
    rss: 'RSS',
    start: '시작',
    end: '종료',
    actions: '동작'
  },
  state: {
    starting: '시작 중',
    running: '실행 중',
    exited: '종료 (코드 {{code}})',
    killed: '강제 종료 ({{signal}})'
  },
  status: {
    running: '실행 중',
    stopping: '중지 중',
    finished: '완료',
    failed: '실패',
    stopped: '중지됨'
  },
  letGo: {
    short: '메모리 한도로 내려놓음',
    byPage:
      '메모리 한도를 지키려고 이 실행을 내려놓았습니다: 페이지는 이벤트 한도 안에서 최근 실행만 보관합니다.',
    byHost: '메모리 한도를 지키려고 호스트가 이 실행을 내려놓았습니다.',
    canExport: '호스트에는 아직 남아 있으니, 내보낸 뒤 그 트레이스를 열면 다시 볼 수 있습니다.',
    noExport: '이제 내보낼 수 없습니다. 이 실행을 저장해 둔 트레이스는 여전히 열 수 있습니다.',
    openTrace: '트레이스 열기…',
    rerun: '다시 실행'
  },
  verdictOutcome: {
    passed: '판정: 통과',
    failed: '판정: 실패',
    inconclusive: '판정: 판단 불가'
  },
  checkOutcome: { passed: '통과', failed: '실패', inconclusive: '판단 불가' },
  why: '이유',
  verdictPending: '실행이 끝나면 판정이 나타납니다.',
  observed: '관찰값',
  note: {
    'not-observed': '이번 실행에서는 관찰되지 않음',
    'not-applicable': '여기에는 해당 없음'
  },
  result: '결과',
  host: '호스트',
  error: '오류',
  procs: {
    filter: '프로세스 거르기',
    filterPlaceholder: 'PID, 이름, 상태…',
    count: '프로세스 {{total}}개 중 {{shown}}개',
    sortBy: '{{column}} 기준 정렬',
    actionsFor: 'PID {{pid}} 동작',
    terminate: '종료 요청 (SIGTERM)',
    kill: '강제 종료 (SIGKILL)',
    sent: 'PID {{pid}}에 {{signal}} 보냄'
  },
  cpuView: {
    core: '코어 {{n}}',
    runTotal: '실행 합계',
    hostCpu: '호스트',
    now: '최근 표본',
    noData: '아직 CPU 표본이 없습니다.',
    window: '최근 {{s}}초, 코어 하나 기준 %',
    firstTick: '아직 데이터 없음'
  },
  queuesView: {
    depth: '시간에 따른 큐 길이',
    waiting: '락을 기다리는 프로세스 수',
    noQueues: '이 실행에는 큐가 없습니다.',
    noLocks: '이 실행에는 락이 없습니다.',
    pool: '풀 작업 큐',
    name: '이름',
    now: '현재',
    max: '최대',
    puts: '넣기',
    gets: '꺼내기',
    blocked: '막힌 넣기',
    waiters: '지금 대기 중',
    holder: '보유자',
    acquisitions: '획득 횟수',
    blockedMark: '여기서 넣기가 막힘'
  },
  timelineView: {
    zoomIn: '확대',
    zoomOut: '축소',
    reset: '전체 보기',
    summary:
      '프로세스 {{lanes}}개, 구간 {{spans}}개, 파이프 메시지 {{arrows}}개, 큐 put {{puts}}회, get {{gets}}회, 출력 {{ticks}}회',
    truncated: '최근 {{n}}개보다 오래된 항목은 그리지 않습니다',
    legendAlive: '살아 있음',
    legendTask: '작업',
    legendWait: '락 대기',
    legendHold: '락 보유',
    legendQueueWait: '큐 대기 (가득 참 또는 비어 있음)',
    legendPut: '큐 put (▲), get과 연결',
    legendGet: '큐 get (▼)',
    put: '{{queue}}에 메시지 {{msg}} put: 이후 깊이 {{depth}}, {{time}}',
    get: '{{queue}}에서 메시지 {{msg}} get: 이후 깊이 {{depth}}, {{time}}',
    andMore: '(여기 {{n}}개 더)',
    queueLink: '{{queue}}: put → get (메시지 {{n}}개)',
    legendPipe: '파이프 메시지',
    legendOut: '출력',
    legendClose: '파이프 끝 닫힘',
    help: '끌거나 화살표 키로 이동, 휠이나 +/−로 확대·축소'
  },
  diagram: '다이어그램',
  sideBySide: '나란히 보기',
  compare: {
    label: '두 실행 나란히 보기',
    with: '비교할 실행',
    none: '비교하려면 두 번째 실행을 시작하거나 여세요.',
    checks: '판정 나란히 보기',
    check: '검사',
    difference: '차이',
    differs: '다름',
    same: '같음'
  },
  saveImage: {
    label: '이미지 저장',
    png: 'PNG 저장',
    svg: 'SVG 저장',
    copy: '이미지 복사',
    saved: '{{file}} 저장함',
    copied: '이미지를 복사함',
    noClipboard: '이 창에서는 이미지를 복사할 수 없습니다. PNG로 저장하세요.'
  },
  diagramView: {
    label: '실행 다이어그램',
    host: '호스트 PID {{pid}}, {{state}}, CPU {{cpu}}',
    proc: '{{name}} ({{role}}) PID {{pid}}, {{state}}, CPU {{cpu}}',
    group: '{{role}} {{n}}개 (PID {{first}}–{{last}}): 실행 중 {{running}}, 종료 {{exited}}',
    expand: '하나씩 보기',
    collapse: '그룹 접기',
    fold: '접기',
    queue: '큐 {{name}}: 깊이 {{depth}} / {{max}}',
    queueUnbounded: '큐 {{name}}: 깊이 {{depth}} (무제한)',
    lockFree: '락 {{name}}: 비어 있음',
    lockHeld: '락 {{name}}: PID {{holder}}가 잡고 있음',
    lockWaiters: '{{n}}개 대기: {{pids}}',
    pipe: '파이프 {{name}}: 메시지 {{n}}개',
    pipeClosed: 'PID {{pids}}가 닫음',
    pool: '풀 {{name}}: 워커 {{workers}}개, 대기 작업 {{backlog}}개, 실행 중 {{running}}개',
    messages: '메시지 {{n}}개',
    moving: '방금 {{n}}개 이동',
    selected: '선택: PID {{pids}}. 콘솔에 이 프로세스의 출력이 나옵니다.',
    selectedMany:
      '선택: 프로세스 {{n}}개 (PID {{first}} … {{last}}). 콘솔에 이 프로세스들의 출력이 나옵니다.',
    clear: '선택 해제',
    help: 'Tab 또는 화살표 키로 상자 사이를 옮기고 Enter로 고릅니다. 휠로 확대, 끌어서 이동.',
    hostLive: '실행 중',
    hostDone: '실행 끝남'
  },
  consoleView: {
    find: '콘솔에서 찾기',
    process: '프로세스',
    all: '모든 프로세스',
    torn: '찢어진 줄: 여러 프로세스의 조각이 섞임',
    lines: '{{n}}줄'
  },
  exportMenu: {
    label: '내보내기',
    native: 'PoolScope 트레이스 (.poolscope.json)',
    chrome: 'Chrome / Perfetto JSON (.trace.json)',
    csv: 'CSV',
    done: '내보내기 시작: {{file}}',
    whileRunning: '실행이 끝난 뒤에 내보낼 수 있습니다.'
  },
  openTrace: {
    label: '트레이스 열기',
    drop: '트레이스 파일을 끌어다 놓으면 열립니다',
    opened: '{{file}} 열음',
    tooBig: '{{file}} 파일이 너무 커서({{mb}} MB) 여기서 열 수 없습니다. CLI를 쓰세요'
  },
  connection: {
    label: '호스트 연결',
    connecting: '연결 중…',
    connected: '연결됨',
    reconnecting: '다시 연결하는 중…',
    reconnectingHelp:
      'PoolScope 호스트와의 연결이 끊겨 다시 시도하고 있습니다. 연결될 때까지 명령은 실패합니다.',
    gone: '호스트가 다시 시작됨',
    goneHelp:
      'PoolScope 호스트가 새 토큰으로 다시 시작되어 이 페이지로는 연결할 수 없습니다. 호스트가 출력한 주소(http://127.0.0.1:…/?token=…)를 이 탭에서 여세요.'
  },
  perfetto: {
    label: 'Perfetto에서 열기',
    electron:
      '이 창에서는 다른 사이트를 열 수 없습니다. Chrome JSON으로 내보낸 뒤 ui.perfetto.dev에서 여세요.',
    blocked: '브라우저가 Perfetto 창을 막았습니다. 이 페이지의 팝업을 허용하고 다시 시도하세요.',
    noAnswer:
      'Perfetto UI가 응답하지 않습니다(네트워크 없음?). Chrome JSON으로 내보내 Perfetto에서 직접 여세요.',
    sent: '트레이스를 Perfetto UI로 보냈습니다.',
    waiting: 'Perfetto UI를 기다리는 중…'
  },
  replayBar: {
    label: '재생',
    time: '재생 시각',
    play: '재생',
    pause: '일시 정지',
    speed: '속도'
  },
  explorer: {
    title: '탐색기',
    list: '이 컴퓨터의 프로세스',
    filter: '컴퓨터의 프로세스 거르기',
    filterPlaceholder: 'PID, 명령, 사용자… (/)',
    user: '사용자',
    allUsers: '모든 사용자',
    mine: '내 것만',
    tree: '트리 (t)',
    follow: 'PID {{pid}} 따라가기',
    count: '프로세스 {{total}}개 중 {{shown}}개',
    signalButton: '시그널… (F9)',
    signalTitle: 'PID {{pid}}에 시그널 보내기',
    signal: '시그널',
    subtree: '하위 트리 전체',
    willHit: '{{signal}}을(를) 프로세스 {{count}}개에 보냅니다:',
    andMore: '… 그리고 {{n}}개 더',
    send: '{{signal}} 보내기',
    sent: '{{signal}}을(를) 프로세스 {{n}}개에 보냈습니다',
    watch: '지켜보기',
    details: 'PID {{pid}} 자세히',
    expand: '펼치기',
    collapse: '접기',
    cpuSpark: 'PID {{pid}}의 CPU, 최근 60초',
    rssSpark: 'PID {{pid}}의 메모리, 최근 60초',
    unreadable: '일부를 읽을 수 없습니다: {{why}}',
    pythonNote:
      'PoolScope 밖에서 시작된 Python 프로그램입니다. 지켜보기는 프로세스, CPU, 메모리를 보여 주지만 큐와 락은 PoolScope shim이 있어야 보입니다. 보려면 PoolScope에서 시작하세요 (poolscope watch).',
    field: {
      command: '명령줄',
      cwd: '작업 디렉터리',
      exe: '실행 파일',
      fds: '열린 파일 디스크립터',
      threads: '스레드'
    },
    col: {
      pid: 'PID',
      ppid: 'PPID',
      user: '사용자',
      state: '상태',
      threads: '스레드',
      cpu: 'CPU %',
      rss: 'RSS',
      startedAt: '시작',
      command: '명령'
    },
    keys: {
      move: '선택 옮기기',
      filter: '거르기',
      tree: '트리 / 목록',
      signal: '선택한 프로세스에 시그널',
      details: '자세히',
      fold: '하위 트리 접기 / 펼치기'
    }
  },
  shortcuts: {
    label: '단축키',
    title: '키보드 단축키',
    close: '닫기',
    run: '선택한 시나리오 실행',
    stop: '실행 중지',
    views: '보기 1–7 표시',
    find: '콘솔에서 찾기 / 프로세스 거르기',
    open: '트레이스 열기',
    play: '재생 / 일시 정지',
    help: '이 목록 보기'
  },
  watchProgram: {
    title: '파이썬 프로그램 지켜보기',
    source: '프로그램',
    sources: { script: '파이썬 파일', module: '모듈 (-m)', lesson: '내장 강의' },
    path: '스크립트',
    pathPlaceholder: '/경로/program.py',
    choose: '선택…',
    chooseDir: '폴더 선택…',
    module: '모듈',
    lesson: '강의',
    args: '인수',
    argsPlaceholder: '명령줄처럼: --n 3 "두 단어"',
    lessonArgsPlaceholder: '옵션, 예: --senders 4 --start-method spawn',
    cwd: '작업 디렉터리',
    cwdPlaceholder: '기본값: 스크립트가 있는 폴더',
    python: '인터프리터',
    pythonPlaceholder: '기본값: {{python}}',
    start: '지켜보기',
    needPath: '실행할 스크립트를 지정하세요.',
    needModule: '실행할 모듈을 지정하세요.',
    found: '{{executable}} (Python {{version}})에서 실행합니다.',
    noPython: '기본 인터프리터 없음: {{error}}',
    asking: '호스트가 실행할 수 있는 것을 묻는 중…',
    prefilled: 'PID {{pid}}에서 채웠습니다.',
    dropped: '빠진 인터프리터 옵션: {{options}}.'
  },
  cpythonOff: {
    asking: '호스트에 파이썬이 있는지 묻는 중…',
    noLesson: '이 시나리오에는 파이썬 강의가 없습니다.',
    noPython: 'CPython을 쓸 수 없습니다: {{error}}'
  },
  runNotice: {
    label: '이 실행에 대해',
    coalesced:
      '이벤트 병합: 프로세스 {{n}}개(PID {{pids}})가 shim의 이벤트 한도를 넘어, 큐·락·파이프 이벤트를 객체별로 합칩니다. 메시지 수는 정확하고, 큐 깊이는 표본이며, 락의 획득·해제는 병합마다 한 번 표시됩니다.',
    uninstrumented:
      '계측 안 됨: 이 프로그램의 어떤 프로세스도 PoolScope shim으로 보고하지 않았습니다 (인터프리터가 sitecustomize를 읽지 않음: python -I, -S, -E). 프로세스와 CPU는 /proc에서 읽으며, 큐·락·파이프·풀은 보이지 않습니다.',
    attachPython:
      'PID {{pid}}는 PoolScope 밖에서 시작된 파이썬 프로그램입니다: shim 없이는 큐와 락이 보이지 않습니다.',
    startUnder: '대신 PoolScope에서 시작하기'
  },
  splitter: '창 크기 조절'
}
