// Export menu: native trace, Chrome/Perfetto JSON or CSV of the selected run, downloaded as a
// file (a Blob behind a download link; the same works in Electron's window).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TraceFormat } from '../../../shared/api'

interface Props {
  disabled: boolean
  disabledReason?: string
  onExport(format: TraceFormat): void
}

const FORMATS: readonly TraceFormat[] = ['native', 'chrome', 'csv']

export function ExportMenu({ disabled, disabledReason, onExport }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <div className="menu-anchor">
      <button
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        title={disabled ? disabledReason : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('exportMenu.label')}
      </button>
      {open && !disabled && (
        <div
          role="menu"
          aria-label={t('exportMenu.label')}
          className="menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              setOpen(false)
            }
          }}
        >
          {FORMATS.map((f) => (
            <button
              key={f}
              role="menuitem"
              onClick={() => {
                setOpen(false)
                onExport(f)
              }}
            >
              {t(`exportMenu.${f}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
