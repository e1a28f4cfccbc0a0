// A polite live region that speaks a summary of changing numbers, throttled by ./throttle.ts.
import { useEffect, useRef, useState } from 'react';
import { INITIAL_ANNOUNCE, nextAnnouncement, type AnnounceRule, type AnnounceState } from './throttle.ts';
import './a11y.css';

export const READOUT_RULE: AnnounceRule = { minIntervalMs: 5_000, minRelativeChange: 0.05 };

export interface LiveAnnouncerProps {
  /** What to say, built from `values`. */
  text: string;
  /** The numbers the text reports: it is spoken again only when one of them moves enough. */
  values: readonly number[];
  rule?: AnnounceRule;
  testId?: string;
}

/**
 * Visually hidden, `aria-live="polite"`: the text is replaced at most once per quiet interval, and
 * a change that arrives during the quiet time is spoken when it ends (a timer, so a paused run's last
 * numbers are not lost).
 */
export function LiveAnnouncer({ text, values, rule = READOUT_RULE, testId }: LiveAnnouncerProps) {
  const [spoken, setSpoken] = useState('');
  const last = useRef<AnnounceState>(INITIAL_ANNOUNCE);
  const latest = useRef({ text, values });
  // Kept current for the timer (effects run in order: this one before the check below).
  useEffect(() => {
    latest.current = { text, values };
  });
  const key = values.join(',');

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const now = performance.now();
      const next = nextAnnouncement(last.current, latest.current.values, now, rule);
      if (next) {
        last.current = next;
        setSpoken(latest.current.text);
      } else if (now - last.current.atMs < rule.minIntervalMs) {
        timer = setTimeout(check, rule.minIntervalMs - (now - last.current.atMs) + 1);
      }
    };
    check();
    return () => clearTimeout(timer);
  }, [key, rule]);

  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {spoken}
    </p>
  );
}
