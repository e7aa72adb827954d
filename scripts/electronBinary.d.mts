export function electronBinary(): string | null
export function electronDistDir(binary: string): string
export function requireElectronBinary(what: string, instead: string): string
