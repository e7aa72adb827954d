// "Watch a Python program": a script (typed, or picked with the host's file dialog where it has
// one: Electron), a module or a bundled lesson, its arguments, working directory and
// interpreter. The host checks everything again (paths named in its errors); here only what
// can be told without it: an empty field, an unclosed quote. A host that starts no programs
// (serve without --allow-programs) gets the form disabled with its reason.
import { cloneElement, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandInput, ProgramSupport } from '../../../shared/api'
import type { Lang, ScenarioSpec } from '../../../shared/scenarios'
import { CommandLineError, joinArgs, splitArgs } from '../util/commandLine'
import type { PythonCommand } from '../util/commandLine'

export type WatchInput = CommandInput<'watchProgram'>
type Source = 'script' | 'module' | 'lesson'
const SOURCES: readonly Source[] = ['script', 'module', 'lesson']

/** A command line to fill the form with (an attached Python process's). */
export interface WatchPrefill extends PythonCommand {
  pid: number
  cwd: string | null
}

interface Props {
  /** null while the host has not answered. */
  support: ProgramSupport | null
  scenarios: readonly ScenarioSpec[]
  /** Read when the form mounts: give it a new `key` to fill it in again. */
  prefill?: WatchPrefill | null
  onWatch(input: WatchInput): void
  /** The host's file dialog (only offered where support.picker). */
  onPick(kind: 'file' | 'directory'): Promise<string | null>
}

export function WatchProgramForm(props: Props): React.JSX.Element {
  const { support, scenarios, prefill, onWatch, onPick } = props
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Lang
  // Filled in once, from `prefill` (the parent gives the form a new key for a new one).
  const [source, setSource] = useState<Source>(prefill?.program.kind ?? 'script')
  const [path, setPath] = useState(prefill?.program.kind === 'script' ? prefill.program.path : '')
  const [moduleName, setModuleName] = useState(
    prefill?.program.kind === 'module' ? prefill.program.name : ''
  )
  const [lesson, setLesson] = useState('')
  const [args, setArgs] = useState(prefill ? joinArgs(prefill.args) : '')
  const [cwd, setCwd] = useState(prefill?.cwd ?? '')
  const [python, setPython] = useState(prefill?.python ?? '')
  const [touched, setTouched] = useState(false)

  const lessons = scenarios.filter((s) => support?.lessons.includes(s.id))
  const chosenLesson = lessons.find((s) => s.id === lesson) ?? lessons[0]
  const refused = support?.refused ?? null

  let argv: string[] = []
  let argsError: string | null = null
  try {
    argv = splitArgs(args)
  } catch (err) {
    if (!(err instanceof CommandLineError)) throw err
    argsError = err.message
  }
  const missing =
    source === 'script' && !path.trim()
      ? t('watchProgram.needPath')
      : source === 'module' && !moduleName.trim()
        ? t('watchProgram.needModule')
        : source === 'lesson' && !chosenLesson
          ? t('cpythonOff.noLesson')
          : null
  const blocked = !support || !!refused || !!argsError || !!missing

  const submit = (e: React.FormEvent): void => {
    e.preventDefault()
    setTouched(true)
    if (blocked) return
    const program: WatchInput['program'] =
      source === 'script'
        ? { kind: 'script', path: path.trim() }
        : source === 'module'
          ? { kind: 'module', name: moduleName.trim() }
          : { kind: 'lesson', scenario: chosenLesson!.id }
    onWatch({
      program,
      args: argv,
      ...(cwd.trim() ? { cwd: cwd.trim() } : {}),
      ...(python.trim() ? { python: python.trim() } : {})
    })
  }

  const pick = (kind: 'file' | 'directory', set: (v: string) => void) => () =>
    void onPick(kind).then((p) => p !== null && set(p))
  const found = support?.python
  const defaultPython = found && 'executable' in found ? found.executable : 'python3'

  return (
    <form className="watch-program params" aria-label={t('watchProgram.title')} onSubmit={submit}>
      {!support && <p className="muted">{t('watchProgram.asking')}</p>}
      {refused && (
        <p className="note" id="watch-refused">
          {refused}
        </p>
      )}
      {prefill && (
        <p className="note">
          {t('watchProgram.prefilled', { pid: prefill.pid })}
          {prefill.dropped.length > 0 &&
            ' ' + t('watchProgram.dropped', { options: prefill.dropped.join(' ') })}
        </p>
      )}
      <fieldset
        disabled={!support || !!refused}
        aria-describedby={refused ? 'watch-refused' : undefined}
      >
        <div role="radiogroup" aria-label={t('watchProgram.source')} className="sources">
          {SOURCES.map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="watch-source"
                value={s}
                checked={source === s}
                onChange={() => setSource(s)}
              />
              {t(`watchProgram.sources.${s}`)}
            </label>
          ))}
        </div>
        {source === 'script' && (
          <Field label={t('watchProgram.path')}>
            <input
              value={path}
              placeholder={t('watchProgram.pathPlaceholder')}
              aria-invalid={touched && !!missing}
              onChange={(e) => setPath(e.target.value)}
            />
            {support?.picker && (
              <button type="button" onClick={pick('file', setPath)}>
                {t('watchProgram.choose')}
              </button>
            )}
          </Field>
        )}
        {source === 'module' && (
          <Field label={t('watchProgram.module')}>
            <input
              value={moduleName}
              placeholder="package.module"
              aria-invalid={touched && !!missing}
              onChange={(e) => setModuleName(e.target.value)}
            />
          </Field>
        )}
        {source === 'lesson' && (
          <Field label={t('watchProgram.lesson')}>
            <select value={chosenLesson?.id ?? ''} onChange={(e) => setLesson(e.target.value)}>
              {lessons.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title[lang]}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('watchProgram.args')}>
          <input
            value={args}
            placeholder={t(
              source === 'lesson'
                ? 'watchProgram.lessonArgsPlaceholder'
                : 'watchProgram.argsPlaceholder'
            )}
            aria-invalid={!!argsError}
            aria-describedby={argsError ? 'watch-args-err' : undefined}
            onChange={(e) => setArgs(e.target.value)}
          />
          {argsError && (
            <span id="watch-args-err" role="alert" className="param-error">
              {argsError}
            </span>
          )}
        </Field>
        <Field label={t('watchProgram.cwd')}>
          <input
            value={cwd}
            placeholder={t('watchProgram.cwdPlaceholder')}
            onChange={(e) => setCwd(e.target.value)}
          />
          {support?.picker && (
            <button type="button" onClick={pick('directory', setCwd)}>
              {t('watchProgram.chooseDir')}
            </button>
          )}
        </Field>
        <Field label={t('watchProgram.python')}>
          <input
            value={python}
            placeholder={t('watchProgram.pythonPlaceholder', { python: defaultPython })}
            onChange={(e) => setPython(e.target.value)}
          />
        </Field>
        {found && !python.trim() && (
          <p className="muted">
            {'executable' in found
              ? t('watchProgram.found', found)
              : t('watchProgram.noPython', { error: found.error })}
          </p>
        )}
        {touched && missing && (
          <p role="alert" className="param-error">
            {missing}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={!support || !!refused || !!argsError}>
            {t('watchProgram.start')}
          </button>
        </div>
      </fieldset>
    </form>
  )
}

/** A labelled control (its first child); what follows it (a button, an error) stays out of
 *  its accessible name. */
function Field({
  label,
  children
}: {
  label: string
  children: React.ReactNode
}): React.JSX.Element {
  const id = useId()
  const [control, ...rest] = Array.isArray(children) ? children : [children]
  return (
    <div className="param">
      <label htmlFor={id}>{label}</label>
      {cloneElement(control as React.ReactElement<{ id?: string }>, { id })}
      {rest}
    </div>
  )
}
