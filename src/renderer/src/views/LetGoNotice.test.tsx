import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../App'
import { RunStore } from '../store/runStore'
import { fakeApi, runInfo } from '../test/fakeApi'
import { helloEvents } from '../test/fixtures/helloRun'

async function setup(keptEvents: number) {
  const f = fakeApi()
  const store = new RunStore({ throttleMs: 0, applyBudgetMs: Infinity, keptEvents })
  render(<App api={f.api} store={store} />)
  await screen.findByRole('option', { name: 'Hello, process' })
  return { ...f, store }
}

const history = (): HTMLElement => screen.getByRole('navigation', { name: 'Run history' })
const entry = (id: string): HTMLElement =>
  within(history()).getByRole('button', { name: new RegExp(`^${id} `) })

describe('a run let go to stay within memory', () => {
  it("the page's own budget: the history marks it, selecting it says so and offers a re-run", async () => {
    // room for one hello run: the older one goes once the newer one has ended
    const { emit, store, mock } = await setup(helloEvents.length + 5)
    const params = { pace: 2 }
    act(() => store.addRun(runInfo('run-1', { params })))
    act(() => emit('run-1', helloEvents))
    act(() => store.addRun(runInfo('run-2')))
    act(() => emit('run-2', helloEvents))
    expect(within(entry('run-1')).getByText(/let go/)).toBeInTheDocument()
    expect(within(entry('run-2')).queryByText(/let go/)).toBeNull()

    fireEvent.click(entry('run-1'))
    const notice = screen.getByTestId('let-go')
    expect(notice).toHaveTextContent('This run was let go to stay within memory')
    expect(notice).toHaveTextContent('The host still has it: export it')
    expect(screen.queryByTestId('proc-pid')).toBeNull() // its views are gone, not empty tables
    fireEvent.click(within(notice).getByRole('button', { name: 'Run it again' }))
    await waitFor(() => expect(mock.startRun).toHaveBeenCalledWith({ scenario: 'hello', params }))
  })

  it("the host's notice: the page still shows what it holds and says it cannot be exported", async () => {
    const { emit, store, forget } = await setup(1_000_000)
    act(() => store.addRun(runInfo('run-1')))
    act(() => emit('run-1', helloEvents))
    act(() => forget('run-1')) // the host's batcher tells every subscriber
    expect(within(entry('run-1')).getByText(/let go/)).toBeInTheDocument()
    const notice = screen.getByTestId('let-go')
    expect(notice).toHaveTextContent('The host let this run go to stay within memory.')
    expect(notice).toHaveTextContent('It can no longer be exported')
    expect(screen.getByTestId('proc-pid')).toBeInTheDocument() // what the page holds stays
  })
})
