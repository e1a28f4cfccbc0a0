import type { FrameLoop } from '../../frame/frameLoop.ts';
import { appStore } from '../../store/index.ts';
import {
  OPENED_SEARCH,
  TOUR_FILE_KEY,
  TOUR_KEY,
  decodeTourLink,
  encodeSettings,
  setViewFlag,
} from '../../store/urlState.ts';
import { checkTour } from '../../tour/validate.ts';
import { CHART_TAB_ORDER } from '../panels/chartTabs.tsx';
import { presenter, presenterStore } from '../presenter/index.ts';
import { applyScene } from './applyScene.ts';
import { tourStore, type Guess } from './tourStore.ts';

/** The tour a page opens when the link names none: the poster's story. */
export const DEFAULT_TOUR_FILE = 'tours/poster.json';

let frameLoop: FrameLoop | null = null;
let loading: Promise<boolean> | null = null;

/**
 * The link's tour, read when the page loads: the first rewrite of the link (the settings', at start)
 * keeps `tour=N` as a view flag until the tour file has been read.
 */
const initialLink = decodeTourLink(OPENED_SEARCH);
if (initialLink.step) setViewFlag(TOUR_KEY, String(initialLink.step));
if (initialLink.file) setViewFlag(TOUR_FILE_KEY, initialLink.file);

/** Writes the step into the link (`tour=N`, from 1), beside the settings; null removes it. */
function writeLink(step: number | null, file: string | null): void {
  setViewFlag(TOUR_KEY, step === null ? null : String(step + 1));
  setViewFlag(TOUR_FILE_KEY, step === null || file === null || file === DEFAULT_TOUR_FILE ? null : file);
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${encodeSettings(appStore.getState().settings)}${location.hash}`,
  );
}

/** Reads and checks a tour file; problems (an unreachable file, bad JSON, a bad field) become the tour's errors. */
export function loadTour(file: string = DEFAULT_TOUR_FILE): Promise<boolean> {
  const s = tourStore.getState();
  if (s.status === 'ready' && s.source === file) return Promise.resolve(true);
  if (loading) return loading;
  tourStore.setState({ status: 'loading', source: file, errors: [] });
  const fail = (errors: string[]) => {
    tourStore.setState({ status: 'error', errors });
    return false;
  };
  // The single-file build runs from file://, where nothing can be fetched: its default tour is inside it.
  const bundled = import.meta.env.MODE === 'single' && file === DEFAULT_TOUR_FILE;
  const read: Promise<Response | string> = bundled
    ? import('../../../public/tours/poster.json?raw').then((m: { default: string }) => m.default)
    : fetch(new URL(file, document.baseURI));
  loading = read
    .then(async (res) => {
      if (typeof res !== 'string') {
        if (!res.ok) return fail([`${file}: the server answered ${res.status} ${res.statusText}`]);
        // A single-page server answers a missing file with its index page.
        if (res.headers.get('content-type')?.includes('html'))
          return fail([`${file}: no such file (the server answered with a web page)`]);
      }
      let json: unknown;
      try {
        json = JSON.parse(typeof res === 'string' ? res : await res.text());
      } catch (e) {
        return fail([`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`]);
      }
      const checked = checkTour(json, { tabs: CHART_TAB_ORDER });
      if (!checked.ok) return fail(checked.errors.map((e) => `${file}: ${e}`));
      tourStore.setState({ status: 'ready', tour: checked.tour, scenes: checked.scenes, errors: [] });
      return true;
    })
    .catch((e: unknown) => fail([`${file} could not be read: ${e instanceof Error ? e.message : String(e)}`]))
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** Opens the tour the link names (`?tour=N`, optionally `tourfile=tours/x.json`) once the page is up. */
export function initTour(loop: FrameLoop): void {
  if (frameLoop) return;
  frameLoop = loop;
  const link = initialLink;
  if (link.problems.length > 0) tourStore.setState({ status: 'error', errors: link.problems });
  if (link.step === null) return;
  const file = link.file ?? DEFAULT_TOUR_FILE;
  void loadTour(file).then((ok) => {
    if (!ok) return writeLink(null, null);
    const n = tourStore.getState().scenes.length;
    if (link.step! > n) {
      tourStore.setState({ errors: [`"tour=${link.step}": this tour has steps 1–${n}; opened step ${n}.`] });
    }
    goToStep(Math.min(link.step!, n) - 1);
  });
}

/** Shows step `i` (0-based): its scene, its moment, its highlights, its link. */
export function goToStep(i: number): void {
  const { scenes, tour, source } = tourStore.getState();
  if (!frameLoop || !tour || i < 0 || i >= scenes.length) return;
  const scene = scenes[i];
  const { pausedAtNs, notes } = applyScene(scene, frameLoop);
  const focus = scene.focus ?? (tour.steps[i].predict ? 'charts' : 'diagram');
  if (presenterStore.getState().on) presenter.setView(focus);
  tourStore.setState({ step: i, resumeStep: i, pausedAtNs, sceneNotes: notes, folded: false });
  writeLink(i, source);
}

/** Folds the step's text away or shows it again (T). */
export function toggleTourText(): void {
  tourStore.setState((s) => ({ folded: !s.folded }));
}

export function nextStep(): void {
  const { step, scenes } = tourStore.getState();
  if (step !== null && step + 1 < scenes.length) goToStep(step + 1);
}

export function previousStep(): void {
  const { step } = tourStore.getState();
  if (step !== null && step > 0) goToStep(step - 1);
}

/** Leaves the tour where it is: the scene stays to be explored; "resume" comes back to the same step. */
export function leaveTour(): void {
  const { step, source } = tourStore.getState();
  if (step === null) return;
  tourStore.setState({ step: null, resumeStep: step, pausedAtNs: null, sceneNotes: [] });
  writeLink(null, source);
}

/** Starts the tour, or comes back to the step it was left at. */
export function resumeTour(): void {
  const { resumeStep, source } = tourStore.getState();
  void loadTour(source || DEFAULT_TOUR_FILE).then((ok) => ok && goToStep(resumeStep ?? 0));
}

export function dismissTourErrors(): void {
  tourStore.setState((s) => ({ errors: [], status: s.status === 'error' ? 'idle' : s.status }));
}

export function setGuess(step: number, guess: Guess): void {
  tourStore.setState((s) => ({ guesses: { ...s.guesses, [step]: guess } }));
}
