// Scenario list, parameter form (checked against the catalogue's ranges) and Run / Stop.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseParam } from '../../../shared/params'
import type { Runtime } from '../../../shared/api'
import { RUNTIMES } from '../../../shared/api'
import type { Lang, ScenarioSpec } from '../../../shared/scenarios'

/** Scenarios with a lesson in real Python (resources/python/lessons). */
const NO_LESSON = new Set(['hello'])

interface Props {
  scenarios: readonly ScenarioSpec[]
  running: boolean
  onRun(scenario: string, params: Record<string, number | string>, runtime: Runtime): void
  onStop(): void
  formRef?: React.Ref<HTMLFormElement>
}

export function ScenarioLauncher(props: Props): React.JSX.Element {
  const { scenarios, running, onRun, onStop, formRef } = props
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Lang
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = scenarios.find((s) => s.id === selectedId) ?? scenarios[0]
  const [values, setValues] = useState<Record<string, string>>({})
  const [runtime, setRuntime] = useState<Runtime>('node')
  const lesson = !!selected && !NO_LESSON.has(selected.id)

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
              value={lesson ? runtime : 'node'}
              disabled={!lesson}
              onChange={(e) => setRuntime(e.target.value as Runtime)}
            >
              {RUNTIMES.map((r) => (
                <option key={r} value={r}>
                  {t(`runtimes.${r}`)}
                </option>
              ))}
            </select>
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
