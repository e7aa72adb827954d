import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { injectCsp } from './src/main/csp'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          // The Electron face, the headless host, and the child-process entry (own bundle).
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli.ts'),
          worker: resolve('src/main/core/child/worker.ts')
        },
        // Chunks beside the entries: code resolves worker.js and ../renderer from __dirname.
        output: { chunkFileNames: '[name]-[hash].js' }
      }
    }
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve('src/preload/index.ts') } } }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // electron-vite leaves the renderer unminified: 2.2 MB of source for the page to parse
      // and compile before the first chart shows.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    },
    // the meta tag's CSP comes from the same source as the Electron and serve headers
    plugins: [react(), { name: 'poolscope-csp', transformIndexHtml: injectCsp }]
  }
})
