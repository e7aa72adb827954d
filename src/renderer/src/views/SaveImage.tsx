// "Save image" for a view: PNG, SVG, and a copy to the clipboard where the face allows it.
// The picture carries the run's name, scenario and the time (see util/saveImage).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RunState } from '../store/runState'
import type { ImageFormat } from '../util/saveImage'
import { copyImage, saveImage } from '../util/saveImage'

interface Props {
  run: RunState
  /** The view's name in the file name. */
  view: string
  target: React.RefObject<HTMLElement | null>
}

export function SaveImage({ run, view, target }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const caption = () => ({ run: run.id, scenario: run.scenario || '?', at: new Date() })
  const save = (format: ImageFormat): void => {
    const el = target.current
    if (!el) return
    saveImage(el, format, caption(), view).then(
      (file) => setNote(t('saveImage.saved', { file })),
      (e: Error) => setNote(e.message)
    )
  }
  const copy = (): void => {
    const el = target.current
    if (!el) return
    copyImage(el, caption()).then(
      (ok) => setNote(t(ok ? 'saveImage.copied' : 'saveImage.noClipboard')),
      (e: Error) => setNote(e.message)
    )
  }
  return (
    <span className="save-image" role="group" aria-label={t('saveImage.label')}>
      <button onClick={() => save('png')}>{t('saveImage.png')}</button>
      <button onClick={() => save('svg')}>{t('saveImage.svg')}</button>
      <button onClick={copy}>{t('saveImage.copy')}</button>
      <span role="status" className="muted">
        {note}
      </span>
    </span>
  )
}
