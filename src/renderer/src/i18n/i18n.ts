import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Lang } from '../../../shared/scenarios'
import { strings } from './strings'

/** The OS/browser locale decides the first language; the UI can switch it. */
export function initialLang(languages: readonly string[] = navigator.languages): Lang {
  const first = languages.find((l) => /^(ko|en)\b/i.test(l))
  return first?.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}

export function initI18n(lang: Lang = initialLang()): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: { en: { translation: strings.en }, ko: { translation: strings.ko } },
    interpolation: { escapeValue: false },
    initAsync: false
  })
  // Screen readers and fonts follow the page language.
  const setLang = (l: string): void => document.documentElement.setAttribute('lang', l)
  setLang(i18next.language)
  i18next.on('languageChanged', setLang)
  return i18next
}
