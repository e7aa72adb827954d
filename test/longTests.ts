// POOLSCOPE_LONG_TESTS=1: the long form of the tests that have one (every CPython version and
// start method, axe in all four theme × language pairs, 2,000 sleepers in the explorer, the
// diagram's pipe-vs-queue at the scenario's default size).
export const LONG_TESTS = process.env.POOLSCOPE_LONG_TESTS === '1'
