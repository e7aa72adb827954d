// Follows the OS theme (prefers-color-scheme), for the parts CSS cannot reach (chart axes).
import { useSyncExternalStore } from 'react'

const QUERY = '(prefers-color-scheme: dark)'

// One query list for the page: React reads the snapshot on every render of every chart.
let query: MediaQueryList | undefined
const mediaQuery = (): MediaQueryList | undefined => (query ??= window.matchMedia?.(QUERY))

function subscribe(onChange: () => void): () => void {
  const mq = mediaQuery()
  mq?.addEventListener('change', onChange)
  return () => mq?.removeEventListener('change', onChange)
}

export function useColorScheme(): 'dark' | 'light' {
  return useSyncExternalStore(subscribe, () => (mediaQuery()?.matches ? 'dark' : 'light'))
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
