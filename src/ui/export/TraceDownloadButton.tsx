/**
 * "⤓ Trace": saves the live run as a Chrome Trace Event file, to open in Perfetto UI
 * (ui.perfetto.dev, "Open trace file") or chrome://tracing: every span its trace buffer holds up
 * to the current simulated time (one track per vCPU and device, arrows along each message) with
 * ring occupancy and busy vCPUs as counters. The same file as `npm run sim -- trace` writes.
 *
 * Test ids: the button `trace-download`, its message `trace-status` (`Saved <file>: N slices`).
 */
import { useState } from 'react';
import { appStore, type Settings } from '../../store/index.ts';
import { useFrameLoop } from '../frameContext.ts';
import { saveText } from './download.ts';
import { sizeToken } from './fileName.ts';
import './trace.css';

/** `xen-hpc-io-trace-<mode>-<workload>-<size>-seed<seed>-t<ns>ns.json`, like the other exports' names. */
export function traceFileName(
  settings: Pick<Settings, 'mode' | 'workload' | 'sizeBytes' | 'seed'>,
  nowNs: number,
): string {
  const parts = ['xen-hpc-io-trace', settings.mode, settings.workload, sizeToken(settings.sizeBytes)];
  return `${parts.join('-')}-seed${settings.seed}-t${Math.round(nowNs)}ns.json`;
}

const TITLE =
  'Save the run so far as a trace file for Perfetto UI or chrome://tracing (Chrome Trace Event JSON)';

export function TraceDownloadButton() {
  const loop = useFrameLoop();
  const [status, setStatus] = useState('');

  const save = () => {
    const settings = appStore.getState().settings;
    // A failure inside the run pauses it with a notice, as any other read of the live run does.
    const trace = loop.controller.guard(() => ({ nowNs: loop.live.nowNs, ...loop.live.chromeTrace() }));
    if (!trace) {
      setStatus('The trace could not be written: see the notice.');
      return;
    }
    const name = traceFileName(settings, trace.nowNs);
    saveText(JSON.stringify(trace.file), name, 'application/json');
    setStatus(`Saved ${name}: ${trace.counts.slices} slices, ${trace.counts.flows} flows`);
  };

  return (
    <div className="trace-download-wrap">
      <button
        type="button"
        className="export-toggle trace-download"
        title={TITLE}
        aria-label={`Trace: ${TITLE}`}
        data-testid="trace-download"
        onClick={save}
      >
        ⤓ Trace
      </button>
      <span className="visually-hidden" role="status" data-testid="trace-status">
        {status}
      </span>
    </div>
  );
}
