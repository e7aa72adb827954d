// Every process of the machine: tree or flat, sorted by any column, filtered by text, user or
// "mine only", a PID followed as the list changes, details, signals and Watch. Virtualised
// (only the rows in view are rendered); while the pointer is over the list its order holds.
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PoolScopeApi } from '../../../../shared/api'
import type { ExplorerSignal } from '../../../../shared/system'
import { formatBytes } from '../../util/format'
import { ExplorerDetails } from './ExplorerDetails'
import type { Column, ExplorerRow } from './explorerModel'
import { COLUMNS, explorerRows, holdOrder, NUMERIC_COLUMNS } from './explorerModel'
import { SignalDialog } from './SignalDialog'
import { useSystemSnapshots } from './useSystemSnapshots'

const ROW_HEIGHT = 24

type Api = Pick<PoolScopeApi, 'systemSnapshot' | 'processDetails' | 'signalProcess'>

interface Props {
  api: Api
  onWatch(pid: number): void
  onNotice(n: { kind: 'error' | 'info'; text: string }): void
}

export function ExplorerView({ api, onWatch, onNotice }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const { snapshot, procs, history, error } = useSystemSnapshots(api)
  const [sort, setSort] = useState<{ column: Column; desc: boolean }>({ column: 'cpu', desc: true })
  const [text, setText] = useState('')
  const [user, setUser] = useState<string | null>(null)
  const [mineOnly, setMineOnly] = useState(false)
  const [tree, setTree] = useState(false)
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set())
  const [selected, setSelected] = useState<number | null>(null)
  const [follow, setFollow] = useState(false)
  const [details, setDetails] = useState(false)
  const [signalFor, setSignalFor] = useState<number | null>(null)
  const [hovered, setHovered] = useState(false)
  const held = useRef<number[]>([])
  const filterRef = useRef<HTMLInputElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)

  const sorted = useMemo(
    () =>
      explorerRows(procs, {
        sort,
        text,
        user,
        mineOnly,
        hostUid: snapshot?.hostUid ?? null,
        tree,
        collapsed
      }),
    [procs, sort, text, user, mineOnly, snapshot?.hostUid, tree, collapsed]
  )
  const rows = hovered ? holdOrder(sorted, held.current) : sorted
  held.current = rows.map((r) => r.pid)
  const users = useMemo(() => [...new Set(procs.map((p) => p.user))].sort(), [procs])
  const index = selected === null ? -1 : rows.findIndex((r) => r.pid === selected)
  const current = index >= 0 ? rows[index]! : null

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })
  // Following: wherever the list moved it, the PID is scrolled back into view.
  useEffect(() => {
    if (follow && index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [follow, index, virtualizer, rows.length])
  const items = virtualizer.getVirtualItems()
  const padTop = items[0]?.start ?? 0
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0

  const select = (i: number): void => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, i))]
    if (!row) return
    setSelected(row.pid)
    virtualizer.scrollToIndex(rows.indexOf(row), { align: 'auto' })
  }
  const toggle = (pid: number): void =>
    setCollapsed((c) => {
      const next = new Set(c)
      if (!next.delete(pid)) next.add(pid)
      return next
    })
  const send = (pid: number, signal: ExplorerSignal, subtree: boolean): void => {
    setSignalFor(null)
    api.signalProcess({ pid, signal, subtree }).then(
      (out) => {
        const failed = out.filter((o) => !o.ok)
        onNotice({
          kind: failed.length ? 'error' : 'info',
          text:
            t('explorer.sent', { signal, n: out.length - failed.length }) +
            (failed.length ? ' · ' + failed.map((f) => `${f.pid}: ${f.error}`).join(', ') : '')
        })
      },
      (e: Error) => onNotice({ kind: 'error', text: e.message })
    )
  }

  const onKey = (e: React.KeyboardEvent): void => {
    const typing =
      (e.target as HTMLElement).tagName === 'INPUT' ||
      (e.target as HTMLElement).tagName === 'SELECT'
    if (typing && e.key !== 'Escape') return
    let handled = true
    if (e.key === 'ArrowDown') select(index + 1)
    else if (e.key === 'ArrowUp') select(index - 1)
    else if (e.key === 'PageDown') select(index + 20)
    else if (e.key === 'PageUp') select(index - 20)
    else if (e.key === '/') filterRef.current?.focus()
    else if (e.key === 't') setTree((v) => !v)
    else if ((e.key === 'F9' || e.key === 'k') && current && current.mark !== 'ended')
      setSignalFor(current.pid)
    else if (e.key === 'Enter' && current) setDetails((v) => !v)
    else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && current?.hasChildren)
      toggle(current.pid)
    else if (e.key === 'Escape' && typing) scrollRef.current?.focus()
    else handled = false
    if (handled) {
      e.preventDefault()
      e.stopPropagation()
    }
  }

  const header = (c: Column): React.JSX.Element => {
    const on = sort.column === c
    return (
      <th
        key={c}
        scope="col"
        className={NUMERIC_COLUMNS.has(c) ? 'num' : undefined}
        aria-sort={on ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      >
        <button
          className="sort"
          onClick={() => setSort({ column: c, desc: on ? !sort.desc : NUMERIC_COLUMNS.has(c) })}
        >
          {t(`explorer.col.${c}`)}
          <span aria-hidden="true">{on ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    )
  }

  return (
    <section aria-label={t('explorer.title')} className="explorer view" onKeyDown={onKey}>
      <div className="view-toolbar">
        <input
          ref={filterRef}
          type="search"
          aria-label={t('explorer.filter')}
          placeholder={t('explorer.filterPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          aria-label={t('explorer.user')}
          value={user ?? ''}
          onChange={(e) => setUser(e.target.value || null)}
        >
          <option value="">{t('explorer.allUsers')}</option>
          {users.map((u) => (
            <option key={u}>{u}</option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={mineOnly}
            onChange={(e) => setMineOnly(e.target.checked)}
          />{' '}
          {t('explorer.mine')}
        </label>
        <label>
          <input type="checkbox" checked={tree} onChange={(e) => setTree(e.target.checked)} />{' '}
          {t('explorer.tree')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={follow}
            disabled={selected === null}
            onChange={(e) => setFollow(e.target.checked)}
          />{' '}
          {t('explorer.follow', { pid: selected ?? '—' })}
        </label>
        <button
          disabled={!current || current.mark === 'ended'}
          onClick={() => current && setSignalFor(current.pid)}
        >
          {t('explorer.signalButton')}
        </button>
        <button
          disabled={!current || current.mark === 'ended'}
          onClick={() => current && onWatch(current.pid)}
        >
          {t('explorer.watch')}
        </button>
        <span className="muted" aria-live="polite">
          {t('explorer.count', { shown: rows.length, total: snapshot?.procs.length ?? 0 })}
          {error ? ` · ${error}` : ''}
        </span>
      </div>
      <div className="explorer-body">
        <div
          className="scroll"
          ref={scrollRef}
          tabIndex={0}
          aria-label={t('explorer.list')}
          onPointerEnter={() => setHovered(true)}
          onPointerLeave={() => setHovered(false)}
        >
          <table aria-rowcount={rows.length}>
            <thead>
              <tr>{COLUMNS.map(header)}</tr>
            </thead>
            <tbody>
              {padTop > 0 && <tr style={{ height: padTop }} aria-hidden="true" />}
              {items.map((item) => {
                const r = rows[item.index]!
                return (
                  <Row
                    key={r.pid}
                    row={r}
                    tree={tree}
                    selected={r.pid === selected}
                    onSelect={setSelected}
                    onToggle={toggle}
                    onOpen={() => setDetails(true)}
                  />
                )
              })}
              {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden="true" />}
            </tbody>
          </table>
        </div>
        {details && current && (
          <ExplorerDetails api={api} proc={current} history={history} onWatch={onWatch} />
        )}
      </div>
      {signalFor !== null && (
        <SignalDialog
          target={procs.find((p) => p.pid === signalFor) ?? rows[index]!}
          procs={procs.filter((p) => p.mark !== 'ended')}
          onSend={(s, sub) => send(signalFor, s, sub)}
          onClose={() => setSignalFor(null)}
        />
      )}
    </section>
  )
}

interface RowProps {
  row: ExplorerRow
  tree: boolean
  selected: boolean
  onSelect(pid: number): void
  onToggle(pid: number): void
  onOpen(): void
}

const Row = memo(function Row({
  row: r,
  tree,
  selected,
  onSelect,
  onToggle,
  onOpen
}: RowProps): React.JSX.Element {
  const { t } = useTranslation()
  const cpu = r.collapsed ? r.subtreeCpu : r.cpu
  return (
    <tr
      data-pid={r.pid}
      aria-selected={selected}
      className={
        [selected ? 'selected' : '', r.mark ? `mark-${r.mark}` : ''].join(' ').trim() || undefined
      }
      title={r.unreadable}
      onClick={() => onSelect(r.pid)}
      onDoubleClick={onOpen}
    >
      <td className="num">{r.pid}</td>
      <td className="num">{r.ppid}</td>
      <td>{r.user}</td>
      <td>{r.state}</td>
      <td className="num">{r.threads ?? '—'}</td>
      <td className="num">
        {cpu === null ? '—' : cpu.toFixed(1)}
        {r.collapsed ? ' Σ' : ''}
      </td>
      <td className="num">{r.rss === null ? '—' : formatBytes(r.rss)}</td>
      <td>{r.startedAt === null ? '—' : new Date(r.startedAt).toLocaleTimeString()}</td>
      <td className="cmd" style={tree ? { paddingLeft: `${r.depth * 14 + 4}px` } : undefined}>
        {tree && r.hasChildren && (
          <button
            className="twisty"
            aria-label={t(r.collapsed ? 'explorer.expand' : 'explorer.collapse')}
            aria-expanded={!r.collapsed}
            onClick={(e) => {
              e.stopPropagation()
              onToggle(r.pid)
            }}
          >
            {r.collapsed ? '▸' : '▾'}
          </button>
        )}
        {r.command}
        {r.unreadable ? ' ⚠' : ''}
      </td>
    </tr>
  )
})
