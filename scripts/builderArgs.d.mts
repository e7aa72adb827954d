export function builderArgs(
  binaryDir: string,
  env: Record<string, string | undefined>,
  platform: string
): { args: string[]; env: Record<string, string | undefined>; note: string | null }
