// Follows the OS theme (prefers-color-scheme), for the parts CSS cannot reach (chart axes).
import { useSyncExternalStore } from 'react'

const QUERY = '(prefers-color-scheme: dark)'

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia?.(QUERY)
  mq?.addEventListener('change', onChange)
  return () => mq?.removeEventListener('change', onChange)
}

export function useColorScheme(): 'dark' | 'light' {
  return useSyncExternalStore(subscribe, () =>
    window.matchMedia?.(QUERY).matches ? 'dark' : 'light'
  )
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
