import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('./commands.ts');
  vi.resetModules();
});

/** The entry with a command that throws `thrown` when it runs. */
async function entryThrowing(thrown: unknown) {
  vi.resetModules();
  vi.doMock('./commands.ts', () => ({
    plan: () => ({
      run: () => {
        throw thrown;
      },
    }),
  }));
  const { main } = await import('./entry.ts');
  let stdout = '';
  let stderr = '';
  const code = await main(['run'], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('an unexpected failure', () => {
  it('is one line on stderr with status 1, never a stack trace', async () => {
    const inner = new RangeError('the heap is gone\n    at somewhere (model.ts:1:1)');
    const r = await entryThrowing(inner);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'unexpected error: RangeError: the heap is gone\n' });
  });

  it('a thrown non-error is reported the same way', async () => {
    expect(await entryThrowing('plain text')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'unexpected error: plain text\n',
    });
  });
});
