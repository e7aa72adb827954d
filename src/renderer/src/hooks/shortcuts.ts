// The app's keyboard shortcuts: one table drives both the key handling and the visible list.
export type ShortcutAction =
  'run' | 'stop' | 'find' | 'open' | 'play' | 'help' | `view${1 | 2 | 3 | 4 | 5 | 6 | 7}`

export interface Shortcut {
  /** What the help list shows (Mod = Ctrl, or ⌘ on macOS). */
  keys: string
  /** i18n key of the description. */
  label: string
}

export const SHORTCUT_LIST: readonly Shortcut[] = [
  { keys: 'Mod+Enter', label: 'shortcuts.run' },
  { keys: 'Esc / Mod+.', label: 'shortcuts.stop' },
  { keys: 'Alt+1 … Alt+7', label: 'shortcuts.views' },
  { keys: 'Mod+F', label: 'shortcuts.find' },
  { keys: 'Mod+O', label: 'shortcuts.open' },
  { keys: 'Space', label: 'shortcuts.play' },
  { keys: '?', label: 'shortcuts.help' }
]

/** Which action a key press asks for, or null. Plain keys only count outside text fields. */
export function shortcutFor(e: KeyboardEvent): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey
  const target = e.target as HTMLElement | null
  const typing =
    !!target &&
    (target.tagName === 'INPUT' ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'SELECT' ||
      target.isContentEditable)
  if (mod && e.key === 'Enter') return 'run'
  if (mod && e.key === '.') return 'stop'
  if (mod && (e.key === 'f' || e.key === 'F')) return 'find'
  if (mod && (e.key === 'o' || e.key === 'O')) return 'open'
  if (e.altKey && !mod && /^Digit[1-7]$/.test(e.code))
    return `view${Number(e.code.slice(5))}` as ShortcutAction
  if (mod || e.altKey || typing) return null
  if (e.key === 'Escape') return 'stop'
  if (e.key === ' ') return 'play'
  if (e.key === '?') return 'help'
  return null
}
