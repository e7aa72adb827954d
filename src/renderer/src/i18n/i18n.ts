import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Lang } from '../../../shared/scenarios'
import { strings } from './strings'

/** The OS/browser locale decides the first language; the UI can switch it. */
export function initialLang(languages: readonly string[] = navigator.languages): Lang {
  return languages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en'
}

export function initI18n(lang: Lang = initialLang()): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    resources: { en: { translation: strings.en }, ko: { translation: strings.ko } },
    interpolation: { escapeValue: false },
    initAsync: false
  })
  return i18next
}
