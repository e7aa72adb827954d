// Listens for the app's shortcuts on the window and calls the matching handler.
import { useEffect, useRef } from 'react'
import type { ShortcutAction } from './shortcuts'
import { shortcutFor } from './shortcuts'

export function useShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  const current = useRef(handlers)
  useEffect(() => {
    current.current = handlers
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const action = shortcutFor(e)
      const handler = action ? current.current[action] : undefined
      if (!handler) return
      e.preventDefault()
      handler()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
