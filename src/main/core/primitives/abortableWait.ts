/**
 * Ties a blocking wait (a queue put/get, a lock acquire) to an AbortSignal. `wait` starts the
 * wait and returns `cancel`, which takes the waiter out and says whether it was still waiting;
 * on abort the wait then rejects with the signal's reason.
 */
export function abortableWait<T>(
  signal: AbortSignal | undefined,
  wait: (resolve: (value: T) => void, reject: (err: unknown) => void) => () => boolean
): Promise<T> {
  if (!signal) return new Promise<T>((resolve, reject) => void wait(resolve, reject))
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const settle = (): void => {
      settled = true
      signal.removeEventListener('abort', onAbort)
    }
    const onAbort = (): void => {
      if (cancel()) {
        settle()
        reject(signal.reason)
      }
    }
    const cancel = wait(
      (value) => {
        settle()
        resolve(value)
      },
      (err) => {
        settle()
        reject(err)
      }
    )
    if (!settled) signal.addEventListener('abort', onAbort, { once: true })
  })
}
