import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UsageError } from './args.ts';
import { execute } from './commands.ts';

describe('npm run sim', () => {
  it('run --json prints the documented fields, from the simulation', () => {
    const r = JSON.parse(
      execute([
        'run',
        '--mode',
        'pv-tcp',
        '--workload',
        'pingpong',
        '--size',
        '64',
        '--messages',
        '4',
        '--json',
      ]),
    );
    for (const field of [
      'mode',
      'workload',
      'op',
      'sizeBytes',
      'pairs',
      'messages',
      'seed',
      'latencyUs',
      'throughputMiBps',
      'cpuNsPerMessage',
      'utilization',
      'counters',
      'simulatedNs',
      'events',
    ]) {
      expect(r, field).toHaveProperty(field);
    }
    expect(Object.keys(r.latencyUs)).toEqual(expect.arrayContaining(['mean', 'p50', 'p99']));
    expect(r.mode).toBe('pv-tcp');
    expect(r.sizeBytes).toBe(64);
    expect(r.events).toBeGreaterThan(100);
    expect(r.cpuNsPerMessage.dom0.netback).toBeGreaterThan(0);
  });

  it('accepts sizes with units and --set, and reports changed constants', () => {
    const r = JSON.parse(
      execute(['run', '--mode', 'zero-copy', '--size', '64K', '--set', 'coalUs=10', '--json']),
    );
    expect(r.sizeBytes).toBe(65536);
    expect(r.changedParams).toEqual({ coalUs: 10 });
  });

  it('sweeps a range of sizes as CSV', () => {
    const csv = execute([
      'sweep',
      '--mode',
      'zero-copy',
      '--workload',
      'pingpong',
      '--sizes',
      '64..256',
      '--messages',
      '2',
      '--csv',
    ]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^mode,size \(B\),latency mean \(µs\)/);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['64', '128', '256']);
  });

  it('prints a poster figure with the poster value beside the model', () => {
    const t = JSON.parse(execute(['figure', 'latency', '--json']));
    expect(t.columns).toContain('poster pv-tcp (µs)');
    expect(t.rows[0][0]).toBe(64);
    expect(t.rows[0][1]).toBeGreaterThan(70);
  });

  it('lists every mode with what the app shows of it', () => {
    const modes = JSON.parse(execute(['modes', '--json']));
    expect(modes.map((m: { mode: string }) => m.mode)).toEqual([
      'native',
      'dom0',
      'pv-tcp',
      'zero-copy',
      'hw-offload',
      'stub-domain',
      'sr-iov',
    ]);
    expect(modes.find((m: { mode: string }) => m.mode === 'dom0')).toMatchObject({
      hasVms: false,
      pktgen: true,
    });
    expect(execute(['modes'])).toMatch(/zero-copy\s+VM · zero-copy\s+vm, dom0\s+yes\s+no/);
  });

  it('lists the parameter schema', () => {
    const params = JSON.parse(execute(['params', '--json']));
    expect(params.find((p: { name: string }) => p.name === 'coalUs')).toMatchObject({
      unit: 'µs',
      min: 0,
      max: 100,
    });
  });

  it.each([
    [['run', '--size', '64', '--mode', 'bogus'], /--mode "bogus" is not one of: native, dom0/],
    [['run', '--size', 'lots'], /--size: "lots" is not a size/],
    [['run', '--size', '64', '--pairs', '99'], /--pairs 99 is outside 1–16/],
    [['run', '--size', '64', '--set', 'coalUs=1000'], /coalUs = 1000 µs is outside the allowed range 0–100/],
    [['run', '--size', '64', '--set', 'nope=1'], /unknown parameter "nope"/],
    [['run', '--size', '64', '--frobnicate'], /unknown flag --frobnicate; allowed: --mode/],
    [
      ['run', '--mode', 'zero-copy', '--workload', 'pktgen', '--size', '1514'],
      /pktgen runs on native, dom0, pv-tcp/,
    ],
    [['figure', 'nope'], /figure needs one of: pktgen, throughput, latency, cpu, all/],
    [['dance'], /unknown command "dance"/],
  ])('%j is refused with a message naming what is allowed', (argv, message) => {
    expect(() => execute(argv)).toThrow(UsageError);
    expect(() => execute(argv)).toThrow(message);
  });

  it('exits non-zero with the message on stderr', () => {
    const out = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'run', '--size', '64', '--mode', 'nope'],
      {
        encoding: 'utf8',
      },
    );
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/error: --mode "nope"/);
    expect(out.stdout).toBe('');
  });
});
