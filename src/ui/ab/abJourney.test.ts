import { describe, expect, it } from 'vitest';
import { createActions } from '../../store/actions.ts';
import { createAppStore } from '../../store/appStore.ts';
import { nearestToken, type Token } from '../diagram/index.ts';

const token = (messageId: number, x: number, y: number) => ({ messageId, x, y }) as Token;

describe('a click on A’s diagram', () => {
  it('picks the nearest token within 24 px, or none', () => {
    const tokens = [token(1, 100, 100), token(2, 110, 100), token(3, 300, 50)];
    expect(nearestToken(tokens, 104, 101)?.messageId).toBe(1);
    expect(nearestToken(tokens, 108, 99)?.messageId).toBe(2);
    expect(nearestToken(tokens, 300, 73)?.messageId).toBe(3);
    expect(nearestToken(tokens, 300, 75)).toBeNull();
    expect(nearestToken([], 0, 0)).toBeNull();
  });

  it('opens the message’s journey in A’s run; any other choice of a message is B’s again', () => {
    const store = createAppStore();
    const a = createActions(store);
    a.openJourneyOfA(7); // nothing pinned: nothing to open
    expect(store.getState().selectedMessage).toBeNull();
    expect(store.getState().ab.journeyOfA).toBe(false);
    a.pinA();
    a.openJourneyOfA(7);
    expect(store.getState()).toMatchObject({
      selectedMessage: 7,
      chartTab: 'journey',
      ab: { journeyOfA: true },
    });
    // B's token with the same number: B's journey of it.
    a.selectMessage(7);
    expect(store.getState()).toMatchObject({ selectedMessage: 7, ab: { journeyOfA: false } });
    a.openJourneyOfA(3);
    a.selectMessage(null);
    expect(store.getState().ab.journeyOfA).toBe(false);
    a.openJourneyOfA(3);
    a.unpinA();
    expect(store.getState().ab.journeyOfA).toBe(false);
  });
});
