import { useLayoutEffect, useRef, useState } from 'react';
import { useFrameLoop } from '../frameContext.ts';
import { exportScenario, importScenario } from './scenarioIo.ts';
import './scenarioFile.css';

/** Whether a drag carries files (not text or a link dragged from the page). */
const carriesFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * Save the page's state as a scenario file, open one by the file picker or by dropping it anywhere
 * on the page (format: docs/scenario-file.md).
 */
export function ScenarioFileButtons() {
  const loop = useFrameLoop();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  // Listening from the commit itself (a layout effect, not a passive one that runs a task or more
  // later): once the buttons are on screen, a file dropped on the page is taken, never opened by the
  // browser in place of the app.
  useLayoutEffect(() => {
    let depth = 0; // dragenter/dragleave fire for every child crossed
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // allows the drop
      e.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // the browser would open the file in place of the app
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer!.files[0];
      if (file) void importScenario(file, loop);
    };
    addEventListener('dragenter', enter);
    addEventListener('dragleave', leave);
    addEventListener('dragover', over);
    addEventListener('drop', drop);
    return () => {
      removeEventListener('dragenter', enter);
      removeEventListener('dragleave', leave);
      removeEventListener('dragover', over);
      removeEventListener('drop', drop);
    };
  }, [loop]);
  return (
    <div className="scenario-file" role="group" aria-label="Scenario file">
      <button
        type="button"
        onClick={() => exportScenario(loop)}
        data-testid="scenario-export"
        title="Save everything the link holds (settings, tab, panel, time, message, tour step) as a JSON file"
      >
        Save scenario
      </button>
      <button
        type="button"
        onClick={() => input.current?.click()}
        data-testid="scenario-import"
        title="Open a scenario file (or drop one anywhere on the page)"
      >
        Open scenario…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="scenario-file-input"
        aria-label="Scenario file to open"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be opened again
          if (file) void importScenario(file, loop);
        }}
      />
      {dragging && (
        <div className="scenario-drop" data-testid="scenario-drop" aria-hidden="true">
          Drop a scenario file to open it
        </div>
      )}
    </div>
  );
}
