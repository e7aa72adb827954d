// Confirms a signal, naming every process it will hit (the process alone, or its subtree).
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExplorerSignal, SystemProcess } from '../../../../shared/system'
import { EXPLORER_SIGNALS } from '../../../../shared/system'
import { subtreeOf } from './explorerModel'

const SHOWN = 12

interface Props {
  target: SystemProcess
  procs: readonly SystemProcess[]
  onSend(signal: ExplorerSignal, subtree: boolean): void
  onClose(): void
}

export function SignalDialog({ target, procs, onSend, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [signal, setSignal] = useState<ExplorerSignal>('SIGTERM')
  const [subtree, setSubtree] = useState(false)
  const first = useRef<HTMLSelectElement>(null)
  useEffect(() => first.current?.focus(), [])
  const hit = subtree ? subtreeOf(target.pid, procs) : [target]
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={t('explorer.signalTitle', { pid: target.pid })}
      className="dialog"
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Escape') onClose()
      }}
    >
      <h2>{t('explorer.signalTitle', { pid: target.pid })}</h2>
      <label>
        {t('explorer.signal')}{' '}
        <select
          ref={first}
          value={signal}
          onChange={(e) => setSignal(e.target.value as ExplorerSignal)}
        >
          {EXPLORER_SIGNALS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        <input type="checkbox" checked={subtree} onChange={(e) => setSubtree(e.target.checked)} />{' '}
        {t('explorer.subtree')}
      </label>
      <p>{t('explorer.willHit', { signal, count: hit.length })}</p>
      <ul className="signal-targets">
        {hit.slice(0, SHOWN).map((p) => (
          <li key={p.pid}>
            {p.pid} {p.user} {p.command.slice(0, 80)}
          </li>
        ))}
        {hit.length > SHOWN && <li>{t('explorer.andMore', { n: hit.length - SHOWN })}</li>}
      </ul>
      <button onClick={() => onSend(signal, subtree)}>{t('explorer.send', { signal })}</button>{' '}
      <button onClick={onClose}>{t('shortcuts.close')}</button>
    </div>
  )
}
