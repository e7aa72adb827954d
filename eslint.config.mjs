import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.vitest-out/**',
      'dist/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules }
  },
  {
    // The core and the renderer never load Electron (its npm stub downloads the binary).
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts', 'src/renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] }
  },
  {
    // The sandboxed preload loads only its own bundle and 'electron'; the channel's shared half
    // is pure logic. Neither may pull in a package or a Node module.
    files: ['src/preload/**/*.ts', 'src/shared/channel/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'ws'],
          patterns: [{ group: ['node:*'], message: 'no Node modules here (sandboxed preload)' }]
        }
      ]
    }
  },
  {
    files: ['src/shared/channel/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'zod', 'ws'],
          patterns: [{ group: ['node:*'], message: 'pure logic' }]
        }
      ]
    }
  },
  {
    // Every IPC listener checks its sender: it is registered through ValidatedIpcMain only.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/ValidatedIpcMain.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['on', 'once', 'addListener', 'prependListener', 'handle', 'handleOnce'].map(
          (property) => ({
            object: 'ipcMain',
            property,
            message: 'register IPC through ValidatedIpcMain: it checks the sender'
          })
        )
      ]
    }
  }
)
