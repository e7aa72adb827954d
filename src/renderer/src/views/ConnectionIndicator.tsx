// The header's word on the connection to the host: connected, (re)connecting, or gone (a
// restarted host has a new token: the page must be reopened from the address it printed).
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionStatus } from '../../../shared/api'

export function ConnectionIndicator({
  connection
}: {
  connection: ConnectionStatus
}): React.JSX.Element {
  const { t } = useTranslation()
  const state = useSyncExternalStore(connection.onChange, connection.get)
  const help =
    state === 'gone'
      ? t('connection.goneHelp')
      : state === 'reconnecting'
        ? t('connection.reconnectingHelp')
        : undefined
  return (
    // aria-live, not role=status: the notices own that role
    <div
      className="connection"
      data-testid="connection"
      data-state={state}
      aria-live="polite"
      title={t('connection.label')}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span>{t(`connection.${state}`)}</span>
      {help && <span className="connection-help">{help}</span>}
    </div>
  )
}
