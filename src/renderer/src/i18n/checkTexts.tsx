// The check texts the host serves (API checkTexts), for the views that show verdicts: a check
// carries an id and figures; its words in the UI's language come from here.
import { createContext, useContext, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PoolScopeApi } from '../../../shared/api'
import type { CheckTexts, CheckWords } from '../../../shared/checkTexts'
import { checkWords } from '../../../shared/checkTexts'
import type { Check } from '../../../shared/events'
import type { Lang } from '../../../shared/scenarios'

export const CheckTextsContext = createContext<CheckTexts>({})

/** Asks the host for the check texts once and gives them to every view below. Until they come
 *  (or if they cannot), a check shows its id, or an old trace's own texts. */
export function CheckTextsProvider({
  api,
  children
}: {
  api: Pick<PoolScopeApi, 'checkTexts'>
  children: React.ReactNode
}): React.JSX.Element {
  const [texts, setTexts] = useState<CheckTexts>({})
  useEffect(() => {
    api.checkTexts().then(setTexts, (e: unknown) => console.error('check texts:', e))
  }, [api])
  return <CheckTextsContext.Provider value={texts}>{children}</CheckTextsContext.Provider>
}

/** A check's words in the UI's language (an old trace's check: its label, else its English). */
export function useCheckWords(): (c: Check) => CheckWords {
  const texts = useContext(CheckTextsContext)
  const { i18n } = useTranslation()
  const lang: Lang = i18n.language.startsWith('ko') ? 'ko' : 'en'
  return (c) => checkWords(c, texts, lang)
}
