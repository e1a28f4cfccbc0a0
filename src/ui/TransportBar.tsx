import { useId } from 'react';
import { formatClockNs, formatCount, formatDurationNs } from '../lib/format.ts';
import { actions, useApp } from '../store/index.ts';
import { SPEED_LIMITS } from '../store/settings.ts';
import { useFrameLoop } from './frameContext.ts';
import { Icon } from './icons.tsx';
import { ReplayProgress } from './ReplayProgress.tsx';

const LOG_MIN = Math.log10(SPEED_LIMITS.min);
const LOG_MAX = Math.log10(SPEED_LIMITS.max);

const selectPlaying = (s: { playing: boolean }) => s.playing;
const selectSpeed = (s: { settings: { speedNsPerSec: number } }) => s.settings.speedNsPerSec;
const selectNow = (s: { readout: { nowNs: number } }) => s.readout.nowNs;
const selectEvents = (s: { readout: { events: number } }) => s.readout.events;
const selectEnded = (s: { readout: { ended: boolean } }) => s.readout.ended;

/** Time: reset, step back, play/pause, step, the speed on a log scale, and the simulated clock. */
export function TransportBar() {
  const loop = useFrameLoop();
  const playing = useApp(selectPlaying);
  const speed = useApp(selectSpeed);
  const nowNs = useApp(selectNow);
  const events = useApp(selectEvents);
  const ended = useApp(selectEnded);
  const id = useId();
  return (
    <div className="transport" role="toolbar" aria-label="Simulation time">
      <button type="button" onClick={() => loop.reset()} title="Reset to t = 0 (Home)" aria-label="Reset">
        <Icon name="reset" />
      </button>
      <button
        type="button"
        onClick={() => loop.stepBack()}
        title="Step back one event (←)"
        aria-label="Step back"
        disabled={events === 0}
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="play"
        onClick={actions.togglePlay}
        title="Play / pause (space)"
        aria-label={playing ? 'Pause' : 'Play'}
        data-testid="play"
        disabled={ended && !playing}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        onClick={() => loop.stepForward()}
        title="Step to the next event (→)"
        aria-label="Step forward"
        disabled={ended}
      >
        <Icon name="step" />
      </button>
      <div className="speed">
        <label htmlFor={id}>speed</label>
        <input
          id={id}
          type="range"
          min={LOG_MIN}
          max={LOG_MAX}
          step={0.05}
          value={Math.log10(speed)}
          aria-valuetext={`1 second on screen is ${formatDurationNs(speed)} simulated`}
          data-testid="speed"
          onChange={(e) => actions.setSpeed(Math.round(10 ** Number(e.target.value)))}
        />
        {/* The long form where there is room; "10 µs/s" where there is not (styles/transport.css). */}
        <span className="speed-readout" data-testid="speed-readout">
          <span className="speed-long">1 s on screen = </span>
          {formatDurationNs(speed)}
          <span className="speed-long"> simulated</span>
          <span className="speed-short" aria-hidden="true">
            /s
          </span>
        </span>
      </div>
      <div className="clock" data-testid="clock" data-now-ns={nowNs} aria-live="off">
        <span className="clock-label">t =</span>{' '}
        <span className="clock-value" data-testid="clock-value">
          {formatClockNs(nowNs)}
        </span>
        <span className="clock-events">{formatCount(events)} events</span>
      </div>
      <ReplayProgress />
    </div>
  );
}
