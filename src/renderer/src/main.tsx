import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectApi } from './api/client'
import { App } from './App'
import { initI18n } from './i18n/i18n'
import { RunStore } from './store/runStore'
import './styles.css'

initI18n()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={connectApi()} store={new RunStore()} />
  </StrictMode>
)
