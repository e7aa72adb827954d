import type { z } from 'zod'

/** One line naming the first offending field and what is wrong with it. */
export function describeZodError(err: z.ZodError, root = 'input'): string {
  const issue = err.issues[0]
  if (!issue) return `${root} is invalid`
  const path = issue.path.length ? `${root}.${issue.path.map(String).join('.')}` : root
  return `${path}: ${issue.message}`
}
