import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { OpenTrace } from './OpenTrace'

describe('OpenTrace', () => {
  it('opens a file dropped anywhere on the window', async () => {
    const onOpen = vi.fn()
    render(<OpenTrace onOpen={onOpen} onError={vi.fn()} />)
    const file = new File(['{"a":1}'], 'run.poolscope.json')
    const over = new Event('dragover', { cancelable: true })
    Object.assign(over, { dataTransfer: { types: ['Files'], files: [] } })
    act(() => void window.dispatchEvent(over))
    expect(screen.getByRole('status')).toHaveTextContent('Drop a trace file to open it')
    const drop = new Event('drop', { cancelable: true })
    Object.assign(drop, { dataTransfer: { types: ['Files'], files: [file] } })
    act(() => void window.dispatchEvent(drop))
    expect(drop.defaultPrevented).toBe(true)
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(file))
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('refuses a file too large for the API, naming it', () => {
    const onError = vi.fn()
    render(<OpenTrace onOpen={vi.fn()} onError={onError} />)
    const big = new File(['x'], 'huge.json')
    Object.defineProperty(big, 'size', { value: 100 * 1024 * 1024 })
    fireEvent.change(screen.getByLabelText('Open trace'), { target: { files: [big] } })
    expect(onError).toHaveBeenCalledWith(expect.stringContaining('huge.json is too large'))
  })
})
