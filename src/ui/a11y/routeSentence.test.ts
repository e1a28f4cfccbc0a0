import { describe, expect, it } from 'vitest';
import { MODES } from '../../model/types.ts';
import { STATION_LABELS } from '../diagram/layout/grid.ts';
import { modeRoute } from '../diagram/layout/route.ts';
import { routeSentence } from './routeSentence.ts';

describe('routeSentence', () => {
  it('follows the route of every mode in order, naming each station the diagram draws', () => {
    for (const mode of MODES) {
      const s = routeSentence(mode, 'write');
      expect(s.startsWith(`A WRITE in mode ${mode}`)).toBe(true);
      expect(s.endsWith('.')).toBe(true);
      // Each sender station appears, and in the route's order (the first time it is named).
      const r = modeRoute(mode);
      let from = 0;
      for (const stop of r.sender.filter((x) => x.station !== 'wire')) {
        const name = STATION_LABELS[stop.station][0];
        const at = s.indexOf(`the ${name}`, from);
        expect(at, `${mode}: ${name} after ${from} in "${s}"`).toBeGreaterThanOrEqual(0);
        from = at;
      }
    }
  });

  it('names the poster arrows where the route takes them', () => {
    const s = routeSentence('hw-offload', 'write');
    expect(s).toMatch(
      /^A WRITE in mode hw-offload \(.*\) goes from the application in the guest VM through the HPC frontend in the guest VM, b₁ the event channel/,
    );
    expect(s).toContain('over the wire to the other host');
    expect(s).toContain('The NIC DMAs straight from the application’s pages (d₁).');
    expect(routeSentence('pv-tcp')).not.toMatch(/[bcd]₁/);
  });

  it('ends where the receiver delivers the data, and says which op', () => {
    expect(routeSentence('pv-tcp', 'read')).toMatch(
      /^A READ's data in mode pv-tcp .* to the application in the guest VM\.$/,
    );
    expect(routeSentence('native')).toMatch(/^The data in mode native .*in Linux.*\.$/);
  });
});
