// The visible list of keyboard shortcuts.
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { SHORTCUT_LIST } from '../hooks/shortcuts'
import { EXPLORER_SHORTCUTS } from './explorer/explorerShortcuts'

export function ShortcutsHelp({ onClose }: { onClose(): void }): React.JSX.Element {
  const { t } = useTranslation()
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => close.current?.focus(), [])
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={t('shortcuts.title')}
      className="dialog"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <h2>{t('shortcuts.title')}</h2>
      <table>
        <tbody>
          {[...SHORTCUT_LIST, ...EXPLORER_SHORTCUTS].map((s) => (
            <tr key={s.label}>
              <td>
                <kbd>{s.keys.replaceAll('Mod', mod)}</kbd>
              </td>
              <td>{t(s.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Alt+1 {t('processes')} · Alt+2 {t('cpu')} · Alt+3 {t('queues')} · Alt+4 {t('timeline')} ·
        Alt+5 {t('console')} · Alt+6 {t('verdict')} · Alt+7 {t('runs')}
      </p>
      <button ref={close} onClick={onClose}>
        {t('shortcuts.close')}
      </button>
    </div>
  )
}
