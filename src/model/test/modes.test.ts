import { describe, expect, it } from 'vitest';
import type { DomainKind } from '../categories.ts';
import { MODE_DESCRIPTORS, PKTGEN_MODES } from '../modes.ts';
import { runScenario } from '../run.ts';
import { validateScenario } from '../scenario.ts';
import { MODES } from '../types.ts';
import { scenario } from './helpers.ts';

describe('mode descriptors', () => {
  it('are what a run of the mode builds and charges: its domains, and VMs only where it has them', () => {
    for (const mode of MODES) {
      const d = MODE_DESCRIPTORS[mode];
      const r = runScenario(scenario({ mode, workload: 'stream', sizeBytes: 4096, messages: 4 }));
      const charged = Object.keys(r.cpuNsPerMessage) as DomainKind[];
      // Every domain that spent CPU is one the mode declares.
      for (const k of charged) expect(d.domains, `${mode} charged ${k}`).toContain(k);
      // The application runs in a VM exactly when the mode has VMs.
      expect(charged.includes('vm'), mode).toBe(d.hasVms);
    }
  });

  it('allow several pairs only for modes with VMs', () => {
    for (const mode of MODES) {
      const errors = validateScenario(scenario({ mode, pairs: 2 }));
      expect(
        errors.some((e) => e.field === 'pairs'),
        mode,
      ).toBe(!MODE_DESCRIPTORS[mode].hasVms);
    }
  });

  it('allow pktgen exactly on the pktgen modes', () => {
    for (const mode of MODES) {
      const errors = validateScenario(scenario({ mode, workload: 'pktgen', sizeBytes: 1514 }));
      expect(errors.length === 0, mode).toBe(PKTGEN_MODES.includes(mode));
    }
  });

  it('have a label and an explanation of one or two sentences', () => {
    for (const mode of MODES) {
      const d = MODE_DESCRIPTORS[mode];
      expect(d.mode).toBe(mode);
      expect(d.label.length).toBeGreaterThan(0);
      const sentences = d.explanation.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 0);
      expect(sentences.length, mode).toBeGreaterThanOrEqual(1);
      expect(sentences.length, mode).toBeLessThanOrEqual(2);
      expect(d.style.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
    }
  });
});
