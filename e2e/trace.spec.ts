import { readFile } from 'node:fs/promises';
import { advance, expect, simState, test } from './fixtures.ts';

/**
 * "⤓ Trace" saves the live run as Chrome Trace Event JSON (for Perfetto UI): the file is read back
 * and checked against the format's rules and against the page's own simulated time.
 */

interface TraceEvent {
  ph: string;
  name: string;
  cat?: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: number;
  bp?: string;
  args?: Record<string, unknown>;
}

test('⤓ Trace downloads the live run as a Chrome trace of its slices, flows and counters', async ({
  page,
}) => {
  test.setTimeout(240_000); // a loaded machine: the page, its sweep workers and the download
  // The live run is enough here: no need to wait for the charts' sweep.
  await page.goto('/?mode=pv-tcp&workload=pingpong&size=64&seed=1&vms=2');
  await page.waitForFunction(() => window.__xenviz !== undefined, null, { timeout: 90_000 });
  await page.evaluate(() => window.__xenviz.pause());
  await advance(page, 400_000);
  const { nowNs, events } = await simState(page);
  expect(nowNs).toBe(400_000);

  const button = page.getByTestId('trace-download');
  await expect(button).toBeVisible();
  await expect(button).toHaveText('⤓ Trace');
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const name = download.suggestedFilename();
  expect(name).toBe('xen-hpc-io-trace-pv-tcp-pingpong-64B-seed1-t400000ns.json');
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  await expect(page.getByTestId('trace-status')).toContainText(`Saved ${name}`);

  expect(file.displayTimeUnit).toBe('ns');
  expect(file.metadata).toMatchObject({
    simulatedNs: 400_000,
    events,
    scenario: { mode: 'pv-tcp', workload: 'pingpong', sizeBytes: 64, pairs: 2, seed: 1 },
  });
  const all: TraceEvent[] = file.traceEvents;
  const of = (ph: string) => all.filter((e) => e.ph === ph);
  const slices = of('X');
  expect(slices.length).toBeGreaterThan(100);
  await expect(page.getByTestId('trace-status')).toContainText(`${slices.length} slices`);
  for (const e of slices) {
    expect(typeof e.ts === 'number' && e.ts >= 0 && typeof e.dur === 'number' && e.dur >= 0).toBe(true);
    // µs; work is traced when it is scheduled, so the last slices may lie a little past 400 µs.
    expect(e.ts).toBeLessThan(400 + 1_000);
  }

  const processNames = new Set(
    of('M')
      .filter((e) => e.name === 'process_name')
      .map((e) => e.args!.name),
  );
  expect([...processNames].sort()).toEqual(['host0', 'host1', 'network']);
  const threads = new Map(
    of('M')
      .filter((e) => e.name === 'thread_name')
      .map((e) => [e.tid, e.args!.name]),
  );
  expect([...threads.values()]).toEqual(expect.arrayContaining(['vm0 vcpu0', 'dom0 vcpu0', 'NIC']));
  for (const e of all) if (e.ph !== 'M') expect(threads.has(e.tid), `${e.ph} ${e.name}`).toBe(true);

  // Every flow's start has its finish, and each binds inside a slice of its own thread.
  const finishes = new Map(of('f').map((e) => [e.id, e]));
  expect(of('s').length).toBeGreaterThan(0);
  for (const s of of('s')) {
    const f = finishes.get(s.id);
    expect(f?.cat).toBe(s.cat);
    expect(f?.bp).toBe('e');
    for (const end of [s, f!])
      expect(
        slices.some((x) => x.tid === end.tid && x.ts <= end.ts && end.ts <= x.ts + x.dur!),
        `flow ${s.id} ${end.ph}`,
      ).toBe(true);
  }
  const counters = of('C');
  expect(counters.some((c) => c.name.startsWith('ring vm0/tx-ring'))).toBe(true);
  for (const c of counters) for (const v of Object.values(c.args!)) expect(typeof v).toBe('number');

  // Saving does not move the run.
  expect((await simState(page)).nowNs).toBe(400_000);
});
