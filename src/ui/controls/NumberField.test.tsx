import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { paramField, parseField } from '../../store/link/fields.ts';
import { commit, edit, escape, shown, type Check, type Draft } from './fieldDraft.ts';
import { NumberField } from './NumberField.tsx';

// MTU: 576–9000 B, whole bytes; the link's reader and words (store/link/fields.ts).
const MTU = paramField('mtuBytes')!;
const check: Check = (t) => {
  const r = parseField(MTU, t);
  return r.ok ? r : { ok: false, error: r.error };
};

/**
 * The field as NumberField wires it (its handlers call these same transitions): a value in effect,
 * the draft, the focus, and every value handed to onCommit.
 */
function field(initial: number) {
  let value = initial;
  let draft: Draft | null = null;
  let focused = false;
  const commits: number[] = [];
  const onCommit = () => {
    const r = commit(draft, value, check);
    draft = r.draft;
    if (r.apply !== null) {
      commits.push(r.apply);
      value = r.apply;
    }
  };
  return {
    commits,
    focus() {
      focused = true;
      if (draft !== null && draft.base !== value) draft = null;
    },
    /** Types `text` key by key into an emptied field. */
    type(text: string) {
      draft = edit(draft, '', value, check);
      for (let i = 1; i <= text.length; i++) draft = edit(draft, text.slice(0, i), value, check);
    },
    enter: onCommit,
    escape() {
      draft = escape();
    },
    blur() {
      focused = false;
      onCommit();
    },
    /** A new value from elsewhere (the slider, a link). */
    setFromElsewhere(v: number) {
      value = v;
    },
    get value() {
      return value;
    },
    get screen() {
      return shown(draft, value, String, focused);
    },
  };
}

describe('NumberField commits whole values', () => {
  it('typing 100000 digit by digit commits nothing, not even the valid prefix 1000', () => {
    const f = field(1500);
    f.focus();
    f.type('100000');
    expect(f.commits).toEqual([]);
    expect(f.value).toBe(1500);
    expect(f.screen).toEqual({ text: '100000', error: null });
  });

  it('Enter on a valid value commits it once', () => {
    const f = field(1500);
    f.focus();
    f.type('9000');
    expect(f.commits).toEqual([]);
    f.enter();
    expect(f.commits).toEqual([9000]);
    f.enter();
    f.blur();
    expect(f.commits).toEqual([9000]);
    expect(f.screen).toEqual({ text: '9000', error: null });
  });

  it('Enter on an invalid value applies nothing and shows why; Escape restores the last good text', () => {
    const f = field(1500);
    f.focus();
    f.type('100000');
    f.enter();
    expect(f.commits).toEqual([]);
    expect(f.screen).toEqual({
      text: '100000',
      error: 'p.mtuBytes: mtuBytes = 100000 B is outside the allowed range 576–9000 B',
    });
    // Once shown, the message follows the text: fixed, it goes (still not applied until committed).
    f.type('2.5');
    expect(f.screen.error).toMatch(/whole number/);
    f.type('4K');
    expect(f.screen).toEqual({ text: '4K', error: null });
    expect(f.commits).toEqual([]);
    f.type('abc');
    f.escape();
    expect(f.screen).toEqual({ text: '1500', error: null });
    expect(f.commits).toEqual([]);
  });

  it('leaving the field with an invalid text commits nothing and keeps the text and its message', () => {
    const f = field(1500);
    f.focus();
    f.type('64K');
    f.blur();
    expect(f.commits).toEqual([]);
    expect(f.value).toBe(1500);
    expect(f.screen.text).toBe('64K');
    expect(f.screen.error).toMatch(/^p\.mtuBytes: .*65536 B is outside/);
    // Back in the field, the user fixes it; leaving applies it.
    f.focus();
    f.type('4K');
    f.blur();
    expect(f.commits).toEqual([4096]);
    expect(f.screen).toEqual({ text: '4096', error: null });
  });

  it('a value from elsewhere replaces a draft left in the field, but not what the user is typing', () => {
    const f = field(1500);
    f.focus();
    f.type('9');
    f.setFromElsewhere(2000);
    expect(f.screen.text).toBe('9'); // still typing: theirs stays
    f.type('abc');
    f.blur();
    expect(f.screen.text).toBe('abc');
    f.setFromElsewhere(3000);
    expect(f.screen).toEqual({ text: '3000', error: null });
    f.focus();
    expect(f.screen).toEqual({ text: '3000', error: null });
    f.enter();
    expect(f.commits).toEqual([]);
  });

  it('renders its hint until there is a message, with the value formatted', () => {
    const html = renderToStaticMarkup(
      <NumberField
        label="MTU"
        unit="B"
        value={1500}
        validate={() => null}
        onCommit={() => {}}
        hint="576–9000 B"
        testId="mtu-input"
      />,
    );
    expect(html).toContain('value="1500"');
    expect(html).toContain('<p class="field-hint">576–9000 B</p>');
    expect(html).not.toContain('field-error');
  });
});
