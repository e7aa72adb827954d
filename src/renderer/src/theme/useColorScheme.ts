// Follows the OS theme (prefers-color-scheme), for the parts CSS cannot reach (chart axes).
import { useMediaQuery } from './useMediaQuery'

export type ColorScheme = 'dark' | 'light'

export function useColorScheme(): ColorScheme {
  return useMediaQuery('(prefers-color-scheme: dark)') ? 'dark' : 'light'
}

export interface ChartTheme {
  axis: string
  grid: string
  text: string
  background: string
}

export function chartTheme(scheme: 'dark' | 'light'): ChartTheme {
  return scheme === 'dark'
    ? { axis: '#8b949e', grid: '#30363d', text: '#e6edf3', background: '#161b22' }
    : { axis: '#667085', grid: '#d0d7de', text: '#1b1f24', background: '#ffffff' }
}
