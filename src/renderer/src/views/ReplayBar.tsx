// Replay controls of a run opened from a trace: a time scrubber and play/pause that drive
// every view (they show the run as it was at that time).
import { useTranslation } from 'react-i18next'
import type { ReplayStatus } from '../store/runStore'
import { formatMs } from '../util/format'

interface Props {
  replay: ReplayStatus
  onSeek(t: number): void
  onToggle(): void
  onSpeed(speed: number): void
}

const SPEEDS = [0.25, 0.5, 1, 2, 5, 10]

export function ReplayBar({ replay, onSeek, onToggle, onSpeed }: Props): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="replay-bar" role="group" aria-label={t('replayBar.label')}>
      <button onClick={onToggle} aria-pressed={replay.playing}>
        {replay.playing ? t('replayBar.pause') : t('replayBar.play')}
      </button>
      <input
        type="range"
        aria-label={t('replayBar.time')}
        min={0}
        max={Math.max(replay.end, 0)}
        step="any"
        value={Math.min(replay.t, replay.end)}
        aria-valuetext={formatMs(Math.min(replay.t, replay.end))}
        onChange={(e) => onSeek(Number(e.target.value))}
      />
      <output className="num">
        {formatMs(Math.min(replay.t, replay.end))} / {formatMs(replay.end)}
      </output>
      <label>
        {t('replayBar.speed')}{' '}
        <select value={replay.speed} onChange={(e) => onSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
