import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectApi } from './api/client'
import { App } from './App'
import { CheckTextsProvider } from './i18n/checkTexts'
import { initI18n } from './i18n/i18n'
import { RunStore } from './store/runStore'
import { warmUpCharts } from './views/charts/warmUpCharts'
import './styles.css'
import './views.css'
import './timeline.css'
import './diagram.css'

initI18n()
const api = connectApi()
const asked = new Set<string>()
const store: RunStore = new RunStore({
  // A run we have no info for (opened or started elsewhere): ask the host once what it is.
  onUnknownRun: (id) => {
    if (asked.has(id)) return
    asked.add(id)
    api.listRuns().then(
      (runs) => store.mergeInfos(runs),
      () => asked.delete(id)
    )
  }
})
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CheckTextsProvider api={api}>
      <App api={api} store={store} />
    </CheckTextsProvider>
  </StrictMode>
)
void warmUpCharts()
