import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { openSoakPage, soakCase, type SoakCase } from '../soakCase.ts';
import { chromiumPath, ensureBuild, waitForServer } from '../browser.ts';

/**
 * Long runs stay flat: the built app in Chromium at the highest speed, 16 VMs per host streaming with
 * a window of 256, for pv-tcp and zero-copy at 64 B and 4 MiB, each for `--soak-minutes` (default 5)
 * of wall time. The heap after a forced collection is read at the end of the first minute, every
 * ~15 s after, and at the end. Goals: heap at the end within 10 % of the heap after the first minute,
 * slope ≤ 0.5 MB/min, no frame over 200 ms after the first minute. The array buffers' backing stores
 * (typed arrays, outside the heap: the live run's recording, the trace's records, the message log) are
 * reported beside it.
 * The five longest frames are printed on stderr with what ran in them (long-animation-frame entries).
 *
 * Flags (after `npm run bench --`): `--soak-minutes N` (a fraction for a try-out; 0 skips the soak),
 * `--soak-cases PvTcp64B,ZeroCopy4MiB` (a subset), `--soak-snapshots DIR` (heap snapshots after the
 * warm-up and at the end, to see what grew), `--soak-sweep-minutes N` (how long to wait for the charts'
 * sweep before playing, default 0: at 16 VMs with a window of 256 its runs take hours, so the cases
 * play while its workers compute, as a user's page would). The app is built into /tmp/dist-soak (unless newer than
 * every source) and served by `vite preview` on port 4313 (`BENCH_SOAK_PORT`).
 */
export const title = 'Soak: heap and frames over a long run (Chromium, highest speed, 16 VMs)';

const PORT = Number(process.env.BENCH_SOAK_PORT ?? 4313);
const OUT_DIR = '/tmp/dist-soak';
const root = new URL('../../', import.meta.url);
const CASES: SoakCase[] = [
  { mode: 'pv-tcp', sizeBytes: 64, key: 'PvTcp64B' },
  { mode: 'pv-tcp', sizeBytes: 4 * 1024 * 1024, key: 'PvTcp4MiB' },
  { mode: 'zero-copy', sizeBytes: 64, key: 'ZeroCopy64B' },
  { mode: 'zero-copy', sizeBytes: 4 * 1024 * 1024, key: 'ZeroCopy4MiB' },
];
const GOAL_HEAP_GROWTH = 0.1;
const GOAL_SLOPE_MB_PER_MIN = 0.5;
const GOAL_FRAME_MS = 200;

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'missed');

export async function run(): Promise<Record<string, number | string>> {
  const minutes = Number(flag('--soak-minutes') ?? 5);
  if (!Number.isFinite(minutes) || minutes < 0) throw new Error('bench: --soak-minutes takes a number ≥ 0');
  if (minutes === 0) return { soak: 'skipped (--soak-minutes 0)' };
  const wanted = flag('--soak-cases')?.split(',');
  const cases = wanted ? CASES.filter((c) => wanted.includes(c.key)) : CASES;
  if (cases.length === 0) throw new Error(`bench: --soak-cases takes ${CASES.map((c) => c.key).join(',')}`);
  const snapshotDir = flag('--soak-snapshots');
  const sweepWaitMin = Number(flag('--soak-sweep-minutes') ?? 0);
  if (!(sweepWaitMin >= 0)) throw new Error('bench: --soak-sweep-minutes takes a number ≥ 0');
  if (snapshotDir) mkdirSync(snapshotDir, { recursive: true });
  const executablePath = chromiumPath();
  if (!executablePath && !existsSync(chromium.executablePath()))
    return { soak: 'skipped: no Chromium found (set CHROMIUM_PATH)' };
  // The first minute is the warm-up; a try-out shorter than 5 minutes keeps a fifth of it.
  const warmupMin = Math.min(1, minutes / 5);
  console.error(
    `soak: ${cases.length} case(s) × ${minutes} min (and a build); --only to run other sections without it`,
  );
  ensureBuild(OUT_DIR);
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'],
    { cwd: root, stdio: 'ignore', detached: true },
  );
  let browser: Browser | null = null;
  const out: Record<string, number | string> = { soakMinutes: minutes };
  try {
    const base = `http://127.0.0.1:${PORT}/`;
    await waitForServer(base, 300);
    browser = await chromium.launch({
      executablePath,
      args: [...(executablePath ? ['--no-sandbox', '--disable-gpu'] : []), '--enable-precise-memory-info'],
    });
    const page = await openSoakPage(browser, base, cases[0], sweepWaitMin);
    for (const c of cases) {
      const f = await soakCase(page, c, minutes, warmupMin, snapshotDir);
      const k = c.key;
      out[`soakHeapStartMB${k}`] = f.heapStartMB;
      out[`soakHeapEndMB${k}`] = f.heapEndMB;
      out[`soakBuffersStartMB${k}`] = f.buffersStartMB;
      out[`soakBuffersEndMB${k}`] = f.buffersEndMB;
      out[`soakSlopeMBPerMin${k}`] = f.slopeMBPerMin;
      out[`soakLongestFrameMs${k}`] = f.longestFrameMs;
      out[`soakLongestFrameMsWithStart${k}`] = f.longestFrameAllMs;
      out[`soakFramesOver200Ms${k}`] = f.framesOver200Ms;
      out[`soakEvents${k}`] = f.events;
      out[`soakSimulatedMs${k}`] = f.simulatedMs;
      const growth = (f.heapEndMB - f.heapStartMB) / f.heapStartMB;
      const pct = Math.round(growth * 1000) / 10;
      out[`soakHeapGoal${k}`] =
        `${f.heapStartMB} → ${f.heapEndMB} MB (${pct >= 0 ? '+' : ''}${pct} %, goal ≤ +10 %): ${verdict(growth <= GOAL_HEAP_GROWTH)}`;
      out[`soakSlopeGoal${k}`] =
        `${f.slopeMBPerMin} MB/min over ${f.samples} samples (goal ≤ 0.5): ${verdict(f.slopeMBPerMin <= GOAL_SLOPE_MB_PER_MIN)}`;
      out[`soakFrameGoal${k}`] =
        `longest ${f.longestFrameMs} ms (goal ≤ 200 ms): ${verdict(f.longestFrameMs <= GOAL_FRAME_MS)}`;
      const notes = [
        ...(f.stillPlaying ? [] : ['the live run ended before the soak did']),
        ...(f.sweepOnPage ? ["the charts' sweep ran on the page (workers too slow to answer)"] : []),
      ];
      if (notes.length > 0) out[`soakNote${k}`] = notes.join('; ');
      f.longFrames.forEach((l, i) => console.error(`soak: ${k} long frame ${i + 1}: ${l}`));
      // Each case's figures as it ends (a long soak stopped half-way still says what it measured).
      for (const [key, v] of Object.entries(out)) if (key.endsWith(k)) console.error(`soak:   ${key} ${v}`);
      console.error(`soak: ${k} done (${f.events.toLocaleString('en-US')} events)`);
    }
    return out;
  } finally {
    await browser?.close();
    if (server.pid) process.kill(-server.pid);
  }
}
