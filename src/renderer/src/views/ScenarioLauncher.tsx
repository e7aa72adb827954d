// Scenario list, parameter form (checked against the catalogue's ranges) and Run / Stop.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseParam } from '../../../shared/params'
import type { ProgramSupport, Runtime } from '../../../shared/api'
import { RUNTIMES } from '../../../shared/api'
import type { Lang, ScenarioSpec } from '../../../shared/scenarios'

interface Props {
  scenarios: readonly ScenarioSpec[]
  running: boolean
  /** What the host said about Python (null until it answers): CPython is offered only where
   *  it runs programs, has a Python 3.8+ and the scenario has a lesson. */
  support: ProgramSupport | null
  onRun(scenario: string, params: Record<string, number | string>, runtime: Runtime): void
  onStop(): void
  formRef?: React.Ref<HTMLFormElement>
}

export function ScenarioLauncher(props: Props): React.JSX.Element {
  const { scenarios, running, support, onRun, onStop, formRef } = props
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Lang
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = scenarios.find((s) => s.id === selectedId) ?? scenarios[0]
  const [values, setValues] = useState<Record<string, string>>({})
  const [runtime, setRuntime] = useState<Runtime>('node')
  const cpythonOff = cpythonReason(support, selected?.id)
  const lesson = cpythonOff === null

  const checked = useMemo(() => {
    const errors: Record<string, string> = {}
    const params: Record<string, number | string> = {}
    for (const spec of selected?.params ?? []) {
      const raw = values[`${selected!.id}.${spec.name}`]
      if (raw === undefined) continue
      try {
        params[spec.name] = parseParam(spec, raw)
      } catch (err) {
        errors[spec.name] = (err as Error).message
      }
    }
    return { errors, params }
  }, [selected, values])
  const invalid = Object.keys(checked.errors).length > 0

  return (
    <section className="launcher" aria-label={t('scenarios')}>
      <h2>{t('scenarios')}</h2>
      <div role="listbox" aria-label={t('scenarios')} className="scenario-list">
        {scenarios.map((s) => (
          <div
            key={s.id}
            role="option"
            tabIndex={0}
            aria-selected={s.id === selected?.id}
            className="scenario-item"
            onClick={() => setSelectedId(s.id)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setSelectedId(s.id)}
          >
            {s.title[lang]}
          </div>
        ))}
      </div>
      {selected && (
        <form
          ref={formRef}
          className="params"
          aria-label={t('parameters')}
          onSubmit={(e) => {
            e.preventDefault()
            if (!invalid && !running) onRun(selected.id, checked.params, lesson ? runtime : 'node')
          }}
        >
          <p className="summary">{selected.summary[lang]}</p>
          <p className="watch">
            <strong>{t('watch')}:</strong> {selected.watch[lang]}
          </p>
          <h3>{t('parameters')}</h3>
          {selected.params.map((p) => {
            const key = `${selected.id}.${p.name}`
            const error = checked.errors[p.name]
            return (
              <label key={key} className="param">
                <span title={p.description[lang]}>{p.name}</span>
                {p.type === 'enum' ? (
                  <select
                    value={values[key] ?? p.default}
                    onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                  >
                    {p.options.map((o) => (
                      <option key={o}>{o}</option>
                    ))}
                  </select>
                ) : (
                  <input
                    value={values[key] ?? String(p.default)}
                    aria-invalid={!!error}
                    aria-describedby={error ? `${key}-err` : undefined}
                    inputMode={p.type === 'string' ? 'text' : 'decimal'}
                    onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                  />
                )}
                {error && (
                  <span id={`${key}-err`} role="alert" className="param-error">
                    {error}
                  </span>
                )}
              </label>
            )
          })}
          <label className="param">
            <span>{t('runtime')}</span>
            <select
              aria-label={t('runtime')}
              aria-describedby={cpythonOff ? 'cpython-off' : undefined}
              value={lesson ? runtime : 'node'}
              disabled={!lesson}
              onChange={(e) => setRuntime(e.target.value as Runtime)}
            >
              {RUNTIMES.map((r) => (
                <option key={r} value={r} disabled={r === 'cpython' && !lesson}>
                  {t(`runtimes.${r}`)}
                </option>
              ))}
            </select>
            {cpythonOff && (
              <span id="cpython-off" className="muted runtime-off">
                {cpythonOff.key ? t(cpythonOff.key, { error: cpythonOff.text }) : cpythonOff.text}
              </span>
            )}
          </label>
          <div className="actions">
            <button type="submit" disabled={invalid || running}>
              {t('run')}
            </button>
            <button type="button" disabled={!running} onClick={onStop}>
              {t('stop')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}

/** Why the CPython runtime cannot be chosen for `scenario`, or null where it can: the host's
 *  own sentence, or a UI text (key) around what it found. */
function cpythonReason(
  support: ProgramSupport | null,
  scenario: string | undefined
): { key?: string; text?: string } | null {
  if (!support) return { key: 'cpythonOff.asking' }
  if (!scenario || !support.lessons.includes(scenario)) return { key: 'cpythonOff.noLesson' }
  if (support.refused) return { text: support.refused }
  if ('error' in support.python) return { key: 'cpythonOff.noPython', text: support.python.error }
  return null
}
