// User-visible text of the UI in Korean and English (scenario texts live in the catalogue).
import { en } from './en'
import { ko } from './ko'

export const strings = { en, ko }
