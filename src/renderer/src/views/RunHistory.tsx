// The runs of this session (live and replayed), newest first; picking one shows it in every view.
import { useTranslation } from 'react-i18next'
import type { StoreSnapshot } from '../store/runStore'

interface Props {
  snap: StoreSnapshot
  onSelect(id: string): void
  listRef?: React.Ref<HTMLElement>
}

export function RunHistory({ snap, onSelect, listRef }: Props): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('runs')} ref={listRef} tabIndex={-1} className="history">
      <h2>{t('runs')}</h2>
      {snap.order.length === 0 && <p className="muted">{t('noRuns')}</p>}
      <ul className="runs">
        {snap.order.map((id) => {
          const r = snap.runs.get(id)
          const info = snap.infos.get(id)
          if (!r) return null
          // A replay scrubbed back has no verdict yet in its view; the run itself has one.
          const v = info?.verdict ?? r.verdict
          const verdict = v ? { passed: '✓', failed: '✗', inconclusive: '?' }[v.outcome] : ''
          const letGo = snap.letGo.get(id)
          return (
            <li key={id}>
              <button aria-pressed={id === snap.selected} onClick={() => onSelect(id)}>
                <span>
                  {id} · {r.scenario || info?.scenario}
                </span>
                <span className="muted">
                  {info?.replay ? t('replay') : t(`status.${r.status}`)} {verdict}
                  {letGo && (
                    <span title={letGo.byPage ? t('letGo.byPage') : t('letGo.byHost')}>
                      {' '}
                      · {t('letGo.short')}
                    </span>
                  )}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
