// Says that a run was let go to stay within memory, and what the user can still do: the page
// let go of its events (its views are empty; open its trace or run it again), or the host did
// (it can no longer be exported; what the page holds still shows).
import { useTranslation } from 'react-i18next'
import type { RunInfo } from '../../../shared/api'
import type { LetGo } from '../store/runStore'

interface Props {
  letGo: LetGo
  info: RunInfo | undefined
  onRerun(info: RunInfo): void
  onOpenTrace(): void
}

export function LetGoNotice({ letGo, info, onRerun, onOpenTrace }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const rerun = info?.kind === 'scenario' ? info : undefined
  return (
    <div role="status" className="notice info let-go" data-testid="let-go">
      <p>
        {letGo.byPage ? t('letGo.byPage') : t('letGo.byHost')}{' '}
        {letGo.byHost ? t('letGo.noExport') : letGo.byPage ? t('letGo.canExport') : ''}
      </p>
      <p>
        <button onClick={onOpenTrace}>{t('letGo.openTrace')}</button>{' '}
        {rerun && <button onClick={() => onRerun(rerun)}>{t('letGo.rerun')}</button>}
      </p>
    </div>
  )
}
