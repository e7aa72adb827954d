// English UI text. ko.ts must have the same keys (checked by the type below and a test).
export const en = {
  appTitle: 'PoolScope',
  scenarios: 'Scenarios',
  parameters: 'Parameters',
  runtime: 'Runtime',
  runtimes: { node: 'Node re-enactment', cpython: 'real CPython (the lesson in Python)' },
  run: 'Run',
  stop: 'Stop',
  runs: 'Run history',
  noRuns: 'No runs yet.',
  processes: 'Processes',
  cpu: 'CPU per core',
  queues: 'Queues and locks',
  timeline: 'Timeline',
  console: 'Console',
  verdict: 'Verdict',
  views: 'Views',
  language: 'Language',
  noRun: 'Pick a scenario and press Run, or open a saved trace.',
  noOutput: 'No output yet.',
  watch: 'What to watch',
  progress: 'Progress',
  tasksProgress: '{{done}} of {{queued}} tasks done',
  dropped: '{{n}} events not shown: this window fell behind (the trace keeps them)',
  replay: 'replay',
  live: 'live',
  col: {
    pid: 'PID',
    ppid: 'PPID',
    name: 'Name / role',
    state: 'State',
    cpu: 'CPU %',
    rss: 'RSS',
    start: 'Start',
    end: 'End',
    actions: 'Actions'
  },
  state: {
    starting: 'starting',
    running: 'running',
    exited: 'exited (code {{code}})',
    killed: 'killed ({{signal}})'
  },
  status: {
    running: 'running',
    stopping: 'stopping',
    finished: 'finished',
    failed: 'failed',
    stopped: 'stopped'
  },
  letGo: {
    short: 'let go',
    byPage:
      'This run was let go to stay within memory: the page keeps the newest runs up to a budget of events.',
    byHost: 'The host let this run go to stay within memory.',
    canExport: 'The host still has it: export it and open the trace to see it again.',
    noExport: 'It can no longer be exported; a trace you saved of it still opens.',
    openTrace: 'Open its trace…',
    rerun: 'Run it again'
  },
  verdictOutcome: {
    passed: 'Verdict: passed',
    failed: 'Verdict: failed',
    inconclusive: 'Verdict: inconclusive'
  },
  checkOutcome: { passed: 'pass', failed: 'fail', inconclusive: 'inconclusive' },
  why: 'why',
  verdictPending: 'The verdict appears when the run ends.',
  observed: 'observed',
  note: {
    'not-observed': 'not observed in this run',
    'not-applicable': 'not applicable here'
  },
  result: 'Result',
  host: 'host',
  error: 'Error',
  procs: {
    filter: 'Filter processes',
    filterPlaceholder: 'PID, name, state…',
    count: '{{shown}} of {{total}} processes',
    sortBy: 'Sort by {{column}}',
    actionsFor: 'Actions for PID {{pid}}',
    terminate: 'Terminate (SIGTERM)',
    kill: 'Kill (SIGKILL)',
    sent: '{{signal}} sent to PID {{pid}}'
  },
  cpuView: {
    core: 'core {{n}}',
    runTotal: 'run total',
    hostCpu: 'host',
    now: 'Latest sample',
    noData: 'No CPU samples yet.',
    window: 'last {{s}} s, % of one core',
    firstTick: 'no data yet'
  },
  queuesView: {
    depth: 'Queue depth over time',
    waiting: 'Processes waiting for a lock',
    noQueues: 'This run has no queues.',
    noLocks: 'This run has no locks.',
    pool: 'pool task queue',
    name: 'Name',
    now: 'Now',
    max: 'Max',
    puts: 'Puts',
    gets: 'Gets',
    blocked: 'Blocked puts',
    waiters: 'Waiting now',
    holder: 'Holder',
    acquisitions: 'Acquisitions',
    blockedMark: 'a put blocked here'
  },
  timelineView: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    reset: 'Show all',
    summary:
      '{{lanes}} processes, {{spans}} spans, {{arrows}} pipe messages, {{puts}} queue puts, {{gets}} gets, {{ticks}} writes',
    truncated: 'older items beyond the last {{n}} are not drawn',
    legendAlive: 'alive',
    legendTask: 'task',
    legendWait: 'lock wait',
    legendHold: 'lock held',
    legendQueueWait: 'queue wait (full or empty)',
    legendPut: 'queue put (▲), linked to its get',
    legendGet: 'queue get (▼)',
    put: 'put message {{msg}} on {{queue}}: depth {{depth}} after, at {{time}}',
    get: 'got message {{msg}} from {{queue}}: depth {{depth}} after, at {{time}}',
    andMore: '(and {{n}} more here)',
    queueLink: '{{queue}}: put → get ({{n}} messages)',
    legendPipe: 'pipe message',
    legendOut: 'output write',
    legendClose: 'pipe end closed',
    help: 'Drag or arrow keys to pan, wheel or +/− to zoom'
  },
  diagram: 'Diagram',
  sideBySide: 'Side by side',
  compare: {
    label: 'Two runs side by side',
    with: 'Compare with',
    none: 'Start or open a second run to compare.',
    checks: 'Verdicts side by side',
    check: 'Check',
    difference: 'Difference',
    differs: 'differs',
    same: 'same'
  },
  saveImage: {
    label: 'Save image',
    png: 'Save PNG',
    svg: 'Save SVG',
    copy: 'Copy image',
    saved: 'Saved {{file}}',
    copied: 'Image copied',
    noClipboard: 'This window cannot copy images; save a PNG instead.'
  },
  diagramView: {
    label: 'Run diagram',
    host: 'host PID {{pid}}, {{state}}, CPU {{cpu}}',
    proc: '{{name}} ({{role}}) PID {{pid}}, {{state}}, CPU {{cpu}}',
    group: '{{n}} × {{role}} (PIDs {{first}}–{{last}}): {{running}} running, {{exited}} exited',
    expand: 'Show each',
    collapse: 'Fold groups',
    fold: 'Fold',
    queue: 'queue {{name}}: depth {{depth}} of {{max}}',
    queueUnbounded: 'queue {{name}}: depth {{depth}} (unbounded)',
    lockFree: 'lock {{name}}: free',
    lockHeld: 'lock {{name}}: held by PID {{holder}}',
    lockWaiters: '{{n}} waiting: {{pids}}',
    pipe: 'pipe {{name}}: {{n}} messages',
    pipeClosed: 'closed by PID {{pids}}',
    pool: 'pool {{name}}: {{workers}} workers, {{backlog}} tasks waiting, {{running}} running',
    messages: '{{n}} messages',
    moving: '{{n}} moved just now',
    selected: 'Selected: PID {{pids}}. The console shows its output.',
    selectedMany:
      'Selected: {{n}} processes (PID {{first}} … {{last}}). The console shows their output.',
    clear: 'Clear selection',
    help: 'Tab or arrow keys move between boxes; Enter selects one. Wheel zooms, drag pans.',
    hostLive: 'running',
    hostDone: 'run ended'
  },
  consoleView: {
    find: 'Find in console',
    process: 'Process',
    all: 'all processes',
    torn: 'torn line: pieces from several processes',
    lines: '{{n}} lines'
  },
  exportMenu: {
    label: 'Export',
    native: 'PoolScope trace (.poolscope.json)',
    chrome: 'Chrome / Perfetto JSON (.trace.json)',
    csv: 'CSV',
    done: 'Export started: {{file}}',
    whileRunning: 'Export is available when the run has ended.'
  },
  openTrace: {
    label: 'Open trace',
    drop: 'Drop a trace file to open it',
    opened: 'Opened {{file}}',
    tooBig: '{{file}} is too large to open here ({{mb}} MB); use the CLI'
  },
  connection: {
    label: 'Connection to the host',
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    reconnectingHelp:
      'The connection to the PoolScope host dropped; trying again. Commands fail until it is back.',
    gone: 'Host restarted',
    goneHelp:
      'The PoolScope host was restarted and has a new token, so this page cannot reach it. Open the address it printed (http://127.0.0.1:…/?token=…) in this tab.'
  },
  perfetto: {
    label: 'Open in Perfetto',
    electron:
      'This window cannot open other sites. Export the Chrome JSON and open it at ui.perfetto.dev.',
    blocked: 'The browser blocked the Perfetto window. Allow pop-ups for this page and retry.',
    noAnswer:
      'Perfetto UI did not answer (no network?). Export the Chrome JSON and open it in Perfetto by hand.',
    sent: 'Sent the trace to Perfetto UI.',
    waiting: 'Waiting for Perfetto UI…'
  },
  replayBar: {
    label: 'Replay',
    time: 'Replay time',
    play: 'Play',
    pause: 'Pause',
    speed: 'Speed'
  },
  explorer: {
    title: 'Explorer',
    list: 'Processes of this machine',
    filter: 'Filter the machine’s processes',
    filterPlaceholder: 'PID, command, user… (/)',
    user: 'User',
    allUsers: 'All users',
    mine: 'Mine only',
    tree: 'Tree (t)',
    follow: 'Follow PID {{pid}}',
    count: '{{shown}} of {{total}} processes',
    signalButton: 'Signal… (F9)',
    signalTitle: 'Signal PID {{pid}}',
    signal: 'Signal',
    subtree: 'The whole subtree',
    willHit: '{{signal}} will be sent to {{count}} process(es):',
    andMore: '… and {{n}} more',
    send: 'Send {{signal}}',
    sent: '{{signal}} sent to {{n}} process(es)',
    watch: 'Watch',
    details: 'Details of PID {{pid}}',
    expand: 'Expand',
    collapse: 'Collapse',
    cpuSpark: 'CPU of PID {{pid}}, last 60 s',
    rssSpark: 'Memory of PID {{pid}}, last 60 s',
    unreadable: 'Not everything could be read: {{why}}',
    pythonNote:
      'A Python program started outside PoolScope: Watch shows its processes, CPU and memory, but its queues and locks need the PoolScope shim. Start it under PoolScope (poolscope watch) to see them.',
    field: {
      command: 'Command line',
      cwd: 'Working directory',
      exe: 'Executable',
      fds: 'Open file descriptors',
      threads: 'Threads'
    },
    col: {
      pid: 'PID',
      ppid: 'PPID',
      user: 'User',
      state: 'S',
      threads: 'Thr',
      cpu: 'CPU %',
      rss: 'RSS',
      startedAt: 'Started',
      command: 'Command'
    },
    keys: {
      move: 'Move the selection',
      filter: 'Filter',
      tree: 'Tree / flat',
      signal: 'Signal the selected process',
      details: 'Details',
      fold: 'Fold / unfold a subtree'
    }
  },
  shortcuts: {
    label: 'Shortcuts',
    title: 'Keyboard shortcuts',
    close: 'Close',
    run: 'Run the selected scenario',
    stop: 'Stop the run',
    views: 'Show view 1–7',
    find: 'Find in the console / filter processes',
    open: 'Open a trace',
    play: 'Play / pause a replay',
    help: 'Show this list'
  },
  watchProgram: {
    title: 'Watch a Python program',
    source: 'Program',
    sources: { script: 'Python file', module: 'Module (-m)', lesson: 'Bundled lesson' },
    path: 'Script',
    pathPlaceholder: '/path/to/program.py',
    choose: 'Choose…',
    chooseDir: 'Choose a folder…',
    module: 'Module',
    lesson: 'Lesson',
    args: 'Arguments',
    argsPlaceholder: 'as on a command line: --n 3 "two words"',
    lessonArgsPlaceholder: 'its options, e.g. --senders 4 --start-method spawn',
    cwd: 'Working directory',
    cwdPlaceholder: "default: the script's folder",
    python: 'Interpreter',
    pythonPlaceholder: 'default: {{python}}',
    start: 'Watch',
    needPath: 'Name the script to run.',
    needModule: 'Name the module to run.',
    found: 'Runs on {{executable}} (Python {{version}}).',
    noPython: 'No default interpreter: {{error}}',
    asking: 'Asking the host what it can run…',
    prefilled: 'Filled in from PID {{pid}}.',
    dropped: 'Interpreter options left out: {{options}}.'
  },
  cpythonOff: {
    asking: 'Asking the host whether it has Python…',
    noLesson: 'This scenario has no lesson in Python.',
    noPython: 'CPython is not available: {{error}}'
  },
  runNotice: {
    label: 'About this run',
    coalesced:
      'Events merged: {{n}} process(es) (PID {{pids}}) went past the shim’s event budget, so their queue, lock and pipe events are merged per object. Message counts stay exact; queue depth is sampled; a lock’s acquire and release show once per merge.',
    uninstrumented:
      'Uninstrumented: no process of this program reported through PoolScope’s shim (its interpreter loads no sitecustomize: python -I, -S or -E). Its processes and CPU are read from /proc; its queues, locks, pipes and pools are not visible.',
    attachPython:
      'PID {{pid}} is a Python program started outside PoolScope: its queues and locks are not visible without the shim.',
    startUnder: 'Start it under PoolScope instead'
  },
  splitter: 'Resize panes'
}

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
export type Strings = Shape<typeof en>
