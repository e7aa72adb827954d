// The terminate/kill menu of one process (also opened by right-clicking its row).
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

export type KillSignal = 'SIGTERM' | 'SIGKILL'

interface Props {
  pid: number
  onSignal(pid: number, signal: KillSignal): void
  onClose(): void
}

export function ProcessActions({ pid, onSignal, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  const choose = (signal: KillSignal): void => {
    onSignal(pid, signal)
    onClose()
  }
  return (
    <div
      role="menu"
      aria-label={t('procs.actionsFor', { pid })}
      className="menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <button role="menuitem" ref={first} onClick={() => choose('SIGTERM')}>
        {t('procs.terminate')}
      </button>
      <button role="menuitem" onClick={() => choose('SIGKILL')}>
        {t('procs.kill')}
      </button>
    </div>
  )
}
