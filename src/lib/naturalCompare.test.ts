import { describe, expect, it } from 'vitest';
import { naturalCompare } from './naturalCompare.ts';

const collator = (a: string, b: string) => Math.sign(a.localeCompare(b, 'en', { numeric: true }));

describe('naturalCompare', () => {
  it('orders digit runs as numbers', () => {
    expect(['vcpu10', 'vcpu2', 'vcpu1'].sort(naturalCompare)).toEqual(['vcpu1', 'vcpu2', 'vcpu10']);
    expect(['h1/vm10/vcpu0', 'h1/vm9/vcpu3', 'h0/vm12/vcpu1'].sort(naturalCompare)).toEqual([
      'h0/vm12/vcpu1',
      'h1/vm9/vcpu3',
      'h1/vm10/vcpu0',
    ]);
  });

  it('agrees with the en numeric collator on the names the page sorts', () => {
    const names: string[] = [];
    for (let h = 0; h < 2; h++)
      for (const d of ['dom0', 'vm0', 'vm1', 'vm2', 'vm10', 'vm15', 'stubdom', 'nic', 'vf0', 'vf12'])
        for (const leaf of ['vcpu0', 'vcpu1', 'vcpu11', 'tx-ring', 'rx-ring', 'TX ring', 'evtchn', 'fw_ring'])
          names.push(`h${h}/${d}/${leaf}`);
    names.push('a', 'A', 'a1', 'a-1', 'a 2', 'ab', 'a/b', 'a_b', 'B', '', '10', '9', 'x9y', 'x10y');
    for (const a of names)
      for (const b of names) expect([a, b, naturalCompare(a, b)]).toEqual([a, b, collator(a, b)]);
  });
});
