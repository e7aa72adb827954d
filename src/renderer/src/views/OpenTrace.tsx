// Open a saved trace: a file picker button, and drag-and-drop anywhere on the window; the file
// goes on to openTraceFile (size checked here first).
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_TRACE_CHARS } from '../../../shared/api'

interface Props {
  onOpen(file: File): void
  onError(message: string): void
  inputRef?: React.Ref<HTMLInputElement>
}

export function OpenTrace({ onOpen, onError, inputRef }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [dragging, setDragging] = useState(false)
  const open = (file: File | undefined): void => {
    if (!file) return
    if (file.size > MAX_TRACE_CHARS) {
      onError(t('openTrace.tooBig', { file: file.name, mb: Math.round(file.size / 2 ** 20) }))
      return
    }
    onOpen(file)
  }
  useEffect(() => {
    const over = (e: DragEvent): void => {
      if (!e.dataTransfer?.types.includes('Files')) return
      e.preventDefault()
      setDragging(true)
    }
    const leave = (e: DragEvent): void => {
      if (e.relatedTarget === null) setDragging(false)
    }
    const drop = (e: DragEvent): void => {
      if (!e.dataTransfer?.files.length) return
      e.preventDefault()
      setDragging(false)
      open(e.dataTransfer.files[0])
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  })
  return (
    <>
      <label className="button-like">
        {t('openTrace.label')}
        <input
          ref={inputRef}
          type="file"
          className="visually-hidden"
          accept=".json,.gz,application/json"
          onChange={(e) => {
            open(e.target.files?.[0])
            e.target.value = ''
          }}
        />
      </label>
      {dragging && (
        <div className="drop-overlay" role="status">
          {t('openTrace.drop')}
        </div>
      )}
    </>
  )
}
