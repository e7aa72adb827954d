// htop's saturating subtraction: a counter that went backwards (a reused PID, a CPU taken
// offline, a reset) yields a period of 0 instead of a negative one.
export function saturatingSub(a: number, b: number): number {
  return a > b ? a - b : 0
}
