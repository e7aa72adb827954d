// User-visible text of the UI in Korean and English (scenario texts live in the catalogue).
export const strings = {
  en: {
    appTitle: 'PoolScope',
    scenarios: 'Scenarios',
    parameters: 'Parameters',
    run: 'Run',
    stop: 'Stop',
    runs: 'Runs',
    processes: 'Processes',
    console: 'Console',
    verdict: 'Verdict',
    language: 'Language',
    noRun: 'Pick a scenario and press Run.',
    noOutput: 'No output yet.',
    watch: 'What to watch',
    col: {
      pid: 'PID',
      ppid: 'PPID',
      name: 'Name',
      role: 'Role',
      state: 'State',
      cpu: 'CPU %',
      rss: 'RSS',
      start: 'Start',
      end: 'End'
    },
    state: {
      starting: 'starting',
      running: 'running',
      exited: 'exited ({{code}})',
      killed: 'killed ({{signal}})'
    },
    status: {
      running: 'running',
      stopping: 'stopping',
      finished: 'finished',
      failed: 'failed',
      stopped: 'stopped'
    },
    verdictPassed: 'Verdict: passed',
    verdictFailed: 'Verdict: failed',
    pass: 'pass',
    fail: 'fail',
    host: 'host',
    error: 'Error'
  },
  ko: {
    appTitle: 'PoolScope',
    scenarios: '시나리오',
    parameters: '매개변수',
    run: '실행',
    stop: '중지',
    runs: '실행 기록',
    processes: '프로세스',
    console: '콘솔',
    verdict: '판정',
    language: '언어',
    noRun: '시나리오를 고르고 실행을 누르세요.',
    noOutput: '아직 출력이 없습니다.',
    watch: '살펴볼 점',
    col: {
      pid: 'PID',
      ppid: 'PPID',
      name: '이름',
      role: '역할',
      state: '상태',
      cpu: 'CPU %',
      rss: 'RSS',
      start: '시작',
      end: '종료'
    },
    state: {
      starting: '시작 중',
      running: '실행 중',
      exited: '종료 ({{code}})',
      killed: '강제 종료 ({{signal}})'
    },
    status: {
      running: '실행 중',
      stopping: '중지 중',
      finished: '완료',
      failed: '실패',
      stopped: '중지됨'
    },
    verdictPassed: '판정: 통과',
    verdictFailed: '판정: 실패',
    pass: '통과',
    fail: '실패',
    host: '호스트',
    error: '오류'
  }
} as const
