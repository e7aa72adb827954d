// The explorer's own keys (handled by the view while it has focus), for the shortcuts help.
import type { Shortcut } from '../../hooks/shortcuts'

export const EXPLORER_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Explorer: ↑ ↓ PgUp PgDn', label: 'explorer.keys.move' },
  { keys: 'Explorer: /', label: 'explorer.keys.filter' },
  { keys: 'Explorer: t', label: 'explorer.keys.tree' },
  { keys: 'Explorer: F9 / k', label: 'explorer.keys.signal' },
  { keys: 'Explorer: Enter', label: 'explorer.keys.details' },
  { keys: 'Explorer: ← →', label: 'explorer.keys.fold' }
]
