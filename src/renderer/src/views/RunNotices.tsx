// What a run says about itself above its views: events merged past the shim's budget, a
// program PoolScope could not instrument, and, for an attached Python program, that its queues
// and locks need the shim, with the offer to start it under PoolScope instead.
import { useTranslation } from 'react-i18next'
import type { RunState } from '../store/runState'

interface Props {
  run: RunState
  /** The attached process is a Python program PoolScope could start again. */
  attachedPython?: { pid: number } | null
  onStartUnder?: () => void
}

export function RunNotices({ run, attachedPython, onStartUnder }: Props): React.JSX.Element | null {
  const { t } = useTranslation()
  const { coalesced } = run.notices
  // A slow interpreter can be taken for an uninstrumented one for a while: the end decides.
  const ended = (run.result as { instrumented?: boolean } | null)?.instrumented
  const uninstrumented = run.notices.uninstrumented && ended !== true
  if (coalesced.length === 0 && !uninstrumented && !attachedPython) return null
  return (
    <div className="run-notices" role="region" aria-label={t('runNotice.label')}>
      {uninstrumented && (
        <p className="run-notice warn" data-testid="notice-uninstrumented">
          {t('runNotice.uninstrumented')}
        </p>
      )}
      {coalesced.length > 0 && (
        <p className="run-notice warn" data-testid="notice-coalesced">
          {t('runNotice.coalesced', { n: coalesced.length, pids: coalesced.join(', ') })}
        </p>
      )}
      {attachedPython && (
        <p className="run-notice info" data-testid="notice-attach-python">
          {t('runNotice.attachPython', { pid: attachedPython.pid })}{' '}
          {onStartUnder && <button onClick={onStartUnder}>{t('runNotice.startUnder')}</button>}
        </p>
      )}
    </div>
  )
}
