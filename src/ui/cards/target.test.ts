import { describe, expect, it } from 'vitest';
import { cardTargetOf, cardTitle } from './target.ts';

/** A stand-in for a DOM element: attributes, a parent, and `closest` for `[name]` selectors. */
function el(attrs: Record<string, string>, parent: Element | null = null): Element {
  const self = {
    getAttribute: (n: string) => attrs[n] ?? null,
    closest: (sel: string): Element | null => {
      const names = [...sel.matchAll(/\[([\w-]+)\]/g)].map((m) => m[1]);
      return names.some((n) => n in attrs) ? (self as unknown as Element) : (parent?.closest(sel) ?? null);
    },
  };
  return self as unknown as Element;
}

const netback = el({
  'data-box': 'h0/dom0/netback',
  'data-kind': 'station',
  'data-host': '0',
  'data-place': 'dom0',
  'data-station': 'netback',
  'data-used': 'true',
});

describe('cardTargetOf', () => {
  it('finds the station of a click on the text inside its box', () => {
    const t = cardTargetOf(el({}, netback));
    expect(t).toMatchObject({ kind: 'station', station: 'netback', host: 0, place: 'dom0', used: true });
    expect(t!.selector).toBe('[data-box="h0/dom0/netback"]');
    expect(cardTitle(t!)).toBe('netback');
  });

  it('opens a vCPU gauge, but neither a ring gauge nor a domain', () => {
    const t = cardTargetOf(el({ 'data-gauge': 'h1/dom0/vcpu1' }));
    expect(t).toMatchObject({ kind: 'vcpu', vcpu: 'h1/dom0/vcpu1', host: 1, place: 'dom0' });
    expect(cardTitle(t!)).toBe('vCPU1');
    expect(cardTargetOf(el({ 'data-gauge': 'h0/vm0/tx-ring' }))).toBeNull();
    expect(
      cardTargetOf(el({ 'data-box': 'h0/dom0', 'data-kind': 'domain', 'data-place': 'dom0' })),
    ).toBeNull();
    expect(cardTargetOf(null)).toBeNull();
  });

  it('opens a NIC part with its own card', () => {
    const t = cardTargetOf(
      el({ 'data-box': 'h0/nic/onchip', 'data-kind': 'part', 'data-part': 'onchip', 'data-used': 'false' }),
    );
    expect(t).toMatchObject({ kind: 'part', part: 'onchip', used: false });
  });
});
