import type { FrameLoop } from '../../frame/frameLoop.ts';
import { formatSizeShort } from '../../lib/size.ts';
import { actions, appStore } from '../../store/index.ts';
import { encodeScenarioFile, type ScenarioFile, type TourPlace } from '../../store/link/scenarioFile.ts';
import { LINK_MAX_TIME_NS } from '../../store/link/fields.ts';
import { readScenarioText } from '../../store/link/scenarioText.ts';
import { viewOf } from '../../store/urlSync.ts';
import { DEFAULT_TOUR_FILE, goToStep, leaveTour, loadTour } from '../tour/tourController.ts';
import { tourStore } from '../tour/tourStore.ts';
import { applyLinkState } from './applyState.ts';

/** The page's state as a scenario file: what its link holds, with the clock read from the live run itself. */
export function currentScenario(loop: FrameLoop): ScenarioFile {
  const s = appStore.getState();
  const nowNs = loop.live.nowNs;
  // A time past what a link can open at is left out, as the link leaves it out.
  const view = { ...viewOf(s), timeNs: nowNs <= LINK_MAX_TIME_NS ? nowNs : 0 };
  const t = tourStore.getState();
  const tour: TourPlace | null =
    t.step === null ? null : { step: t.step + 1, file: t.source || DEFAULT_TOUR_FILE };
  return encodeScenarioFile({ settings: s.settings, view }, tour);
}

/** A file name that says what the scenario is: `xen-hpc-io-pv-tcp-pingpong-64K.json`. */
export function scenarioFileName(f: ScenarioFile): string {
  return `xen-hpc-io-${f.settings.mode}-${f.settings.workload}-${formatSizeShort(f.settings.sizeBytes)}.json`;
}

/** Downloads the page's state as a scenario file. */
export function exportScenario(loop: FrameLoop): void {
  const file = currentScenario(loop);
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = scenarioFileName(file);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Reads a scenario file and puts it on screen; a file with any problem is refused whole, its
 * problems listed in the notice by field, and the current state kept. Resolves to whether it applied.
 */
export async function importScenario(file: File, loop: FrameLoop): Promise<boolean> {
  const refuse = (problems: string[]) => {
    actions.showNotices([
      ...problems.map((p) => `${file.name}: ${p}`),
      `Nothing of ${file.name} was applied: the page is as it was.`,
    ]);
    return false;
  };
  // Read from the text: a field given twice is named (JSON.parse would keep the last in silence).
  const read = readScenarioText(await file.text());
  if (!read.ok) return refuse(read.errors);
  const tour = read.tour;
  // The tour's file is read before anything changes, so a tour that cannot open refuses the file whole.
  if (tour) {
    if (!(await loadTour(tour.file)))
      return refuse([
        `tour.file: ${tour.file} could not be opened (${tourStore.getState().errors.join('; ')})`,
      ]);
    const n = tourStore.getState().scenes.length;
    if (tour.step > n) return refuse([`tour.step: ${tour.step} is past the tour's last step (${n})`]);
  }
  actions.dismissNotices();
  if (tourStore.getState().step !== null) leaveTour();
  applyLinkState(read.state, loop);
  if (tour) goToStep(tour.step - 1);
  return true;
}
