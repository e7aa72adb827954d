// The unit of the times in /proc/<pid>/stat and /proc/stat: USER_HZ, which is 100 on every
// architecture Node runs on (sysconf(_SC_CLK_TCK) is not reachable from Node without a spawn).
export const MS_PER_CLOCK_TICK = 10
