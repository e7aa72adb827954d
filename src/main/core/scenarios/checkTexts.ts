// Every check's texts, by id: the kit's, a watched program's and each scenario's (its folder's
// texts.ts, through the registry). The API serves them (checkTexts); the CLI prints English.
import type { CheckTexts } from '../../../shared/checkTexts'
import { mergeCheckTexts } from '../../../shared/checkTexts'
import { programTexts } from '../python/texts'
import { kitTexts } from './kit/texts'
import { programs } from './registry'

export const CHECK_TEXTS: CheckTexts = mergeCheckTexts(
  kitTexts,
  programTexts,
  ...[...programs.values()].map((p) => p.texts)
)
