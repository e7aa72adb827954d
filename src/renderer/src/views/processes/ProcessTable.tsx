// The run's processes with their real PIDs: the host first, then its children as a tree.
// Sorting and filtering by TanStack Table; long tables (VIRTUALIZE_FROM rows and more) render
// only the rows in view (TanStack Virtual). Rows are memoised: a batch re-renders only the
// processes it changed.
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  tableFeatures,
  useTable
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useMemo, useRef, useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { HOST_COLOR, procColor } from '../../theme/colorMap'
import type { ProcRow, RunState } from '../../store/runState'
import { formatBytes, formatMs, formatPercent } from '../../util/format'
import type { KillSignal } from './ProcessActions'
import { ProcessActions } from './ProcessActions'
import type { TableRow } from './processRows'
import { treeRows } from './processRows'

export const VIRTUALIZE_FROM = 100
const NUMERIC = new Set(['cpu', 'rss', 'start', 'end'])
const ROW_HEIGHT = 26

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel()
})
const helper = createColumnHelper<typeof features, TableRow>()
const COLUMN_KEYS = ['pid', 'ppid', 'name', 'state', 'cpu', 'rss', 'start', 'end'] as const
const columns = helper.columns(
  COLUMN_KEYS.map((key) =>
    helper.accessor((r) => sortValue(r, key), { id: key, sortUndefined: 'last' })
  )
)

function sortValue(r: TableRow, key: (typeof COLUMN_KEYS)[number]): string | number | undefined {
  if (key === 'name') return `${r.name} ${r.role}`
  if (key === 'state') return r.state
  return r[key] ?? undefined
}

export function stateText(t: TFunction, p: ProcRow): string {
  return t(`state.${p.state}`, { code: p.code, signal: p.signal })
}

interface Props {
  run: RunState
  /** PIDs selected elsewhere (the diagram): their rows are highlighted. */
  chosen?: readonly number[] | null
  /** Live run: offer terminate/kill; absent for finished or replayed runs. */
  onSignal?: (pid: number, signal: KillSignal) => void
  filterRef?: React.Ref<HTMLInputElement>
}

export function ProcessTable({ run, chosen, onSignal, filterRef }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [filter, setFilter] = useState('')
  const [menuFor, setMenuFor] = useState<number | null>(null)
  const data = useMemo(
    () => treeRows(run.procs, run.hostPid, (p) => stateText(t, p)),
    [run.procs, run.hostPid, t]
  )
  const table = useTable({
    features,
    columns,
    data,
    state: { globalFilter: filter },
    onGlobalFilterChange: (v: unknown) => setFilter(typeof v === 'string' ? v : ''),
    globalFilterFn: (row, _id, value: string) =>
      row.original.search.includes(String(value).toLowerCase()),
    getRowId: (r) => String(r.pid)
  })
  const rows = table.getRowModel().rows
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtual = rows.length >= VIRTUALIZE_FROM
  // The compiler cannot memoise around the virtualizer; this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    enabled: virtual
  })
  const items = virtual ? virtualizer.getVirtualItems() : null
  const shown = items ? items.map((i) => rows[i.index]!) : rows
  const padTop = items?.[0]?.start ?? 0
  const padBottom = items?.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0

  return (
    <section aria-label={t('processes')} className="processes view">
      <div className="view-toolbar">
        <input
          ref={filterRef}
          type="search"
          aria-label={t('procs.filter')}
          placeholder={t('procs.filterPlaceholder')}
          value={filter}
          onChange={(e) => table.setGlobalFilter(e.target.value)}
        />
        <span className="muted" aria-live="polite">
          {t('procs.count', { shown: rows.length, total: data.length })}
        </span>
      </div>
      <div className="scroll" ref={scrollRef}>
        <table>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((h) => {
                  const sorted = h.column.getIsSorted()
                  const label = t(`col.${h.column.id}`)
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      className={NUMERIC.has(h.column.id) ? 'num' : undefined}
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                      }
                    >
                      <button
                        className="sort"
                        title={t('procs.sortBy', { column: label })}
                        onClick={h.column.getToggleSortingHandler()}
                      >
                        {label}
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    </th>
                  )
                })}
                <th scope="col">{t('col.actions')}</th>
              </tr>
            ))}
          </thead>
          <tbody>
            {run.hostPid !== null && <HostRow run={run} />}
            {padTop > 0 && <tr style={{ height: padTop }} aria-hidden="true" />}
            {shown.map((row) => (
              <ProcessRow
                key={row.id}
                proc={row.original}
                color={procColor(row.original.order)}
                canSignal={!!onSignal && row.original.end === null}
                chosen={!!chosen?.includes(row.original.pid)}
                menuOpen={menuFor === row.original.pid}
                setMenu={setMenuFor}
                onSignal={onSignal}
              />
            ))}
            {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden="true" />}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function HostRow({ run }: { run: RunState }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <tr className="host-row">
      <td data-testid="host-pid">
        <span className="swatch" style={{ background: HOST_COLOR }} />
        {run.hostPid}
      </td>
      <td>{run.host.ppid ?? ''}</td>
      <td>{t('host')}</td>
      <td>{t(`status.${run.status}`)}</td>
      <td className="num">{formatPercent(run.host.cpu)}</td>
      <td className="num">{formatBytes(run.host.rss)}</td>
      <td className="num">{formatMs(0)}</td>
      <td></td>
      <td></td>
    </tr>
  )
}

interface RowProps {
  proc: TableRow
  color: string
  canSignal: boolean
  chosen: boolean
  menuOpen: boolean
  setMenu(pid: number | null): void
  onSignal?: (pid: number, signal: KillSignal) => void
}

const ProcessRow = memo(function ProcessRow({
  proc: p,
  color,
  canSignal,
  chosen,
  menuOpen,
  setMenu,
  onSignal
}: RowProps): React.JSX.Element {
  const { t } = useTranslation()
  const ended = p.end !== null
  return (
    <tr
      className={[ended && 'ended', chosen && 'chosen'].filter(Boolean).join(' ') || undefined}
      onContextMenu={(e) => {
        if (!canSignal) return
        e.preventDefault()
        setMenu(p.pid)
      }}
    >
      <td data-testid="proc-pid" style={{ paddingLeft: 8 + p.depth * 14 }}>
        <span className="swatch" style={{ background: color }} />
        {p.pid}
      </td>
      <td>{p.ppid}</td>
      <td>
        {p.name}
        {p.role !== p.name && <span className="muted"> · {p.role}</span>}
      </td>
      <td>{stateText(t, p)}</td>
      <td className="num">{ended ? '' : formatPercent(p.cpu)}</td>
      <td className="num">{ended ? '' : formatBytes(p.rss)}</td>
      <td className="num">{formatMs(p.start)}</td>
      <td className="num">{formatMs(p.end)}</td>
      <td className="actions-cell">
        {canSignal && (
          <button
            aria-label={t('procs.actionsFor', { pid: p.pid })}
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            onClick={() => setMenu(menuOpen ? null : p.pid)}
          >
            ⋯
          </button>
        )}
        {menuOpen && onSignal && (
          <ProcessActions pid={p.pid} onSignal={onSignal} onClose={() => setMenu(null)} />
        )}
      </td>
    </tr>
  )
})
