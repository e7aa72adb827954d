import { act, render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { afterEach, describe, expect, it } from 'vitest'
import { fakeApi } from '../test/fakeApi'
import { ConnectionIndicator } from './ConnectionIndicator'

afterEach(async () => {
  await i18next.changeLanguage('en')
})

describe('ConnectionIndicator', () => {
  it('follows the connection: connected, reconnecting, then gone with how to reopen', () => {
    const { api, setConnection } = fakeApi()
    render(<ConnectionIndicator connection={api.connection} />)
    const indicator = screen.getByTestId('connection')
    expect(indicator).toHaveAttribute('data-state', 'connected')
    expect(indicator).toHaveTextContent(/^Connected$/)
    act(() => setConnection('reconnecting'))
    expect(indicator).toHaveTextContent('Reconnecting…')
    expect(indicator).toHaveTextContent('Commands fail until it is back')
    act(() => setConnection('gone'))
    expect(indicator).toHaveAttribute('data-state', 'gone')
    expect(indicator).toHaveTextContent('Host restarted')
    expect(indicator).toHaveTextContent('has a new token')
    expect(indicator).toHaveTextContent('/?token=')
  })

  it('speaks Korean', async () => {
    const { api, setConnection } = fakeApi()
    await i18next.changeLanguage('ko')
    render(<ConnectionIndicator connection={api.connection} />)
    expect(screen.getByTestId('connection')).toHaveTextContent('연결됨')
    act(() => setConnection('gone'))
    expect(screen.getByTestId('connection')).toHaveTextContent('새 토큰')
  })
})
