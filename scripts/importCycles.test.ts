import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles } from './importCycles.ts';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('runtime import cycles', () => {
  it('src/ has none', () => {
    expect(importCycles(fileURLToPath(new URL('../src', import.meta.url)))).toEqual([]);
  });

  it('finds a loop through a re-export and a folder index', () => {
    const root = tree({
      'a.ts': "import { b } from './b/index.ts';\nexport const a = b;",
      'b/index.ts': "export { b } from './b.ts';",
      'b/b.ts': "import { a } from '../a.ts';\nexport const b = () => a;",
      'c.ts': "import { a } from './a.ts';\nexport const c = a;",
    });
    expect(importCycles(root)).toEqual([['a.ts', 'b/index.ts', 'b/b.ts', 'a.ts']]);
  });

  it('ignores type-only imports and tests, but not `import { type … }` (kept by verbatimModuleSyntax)', () => {
    const typeOnly = tree({
      'a.ts': "import type { B } from './b.ts';\nexport type A = B;",
      'b.ts': "import { a } from './a.ts';\nexport type B = number; export const b = a;",
      'a.test.ts': "import { b } from './b.ts';",
    });
    expect(importCycles(typeOnly)).toEqual([]);
    const inline = tree({
      'a.ts': "import { type B } from './b.ts';\nexport type A = B;",
      'b.ts': "import { a } from './a.ts';\nexport type B = number; export const b = a;",
    });
    expect(importCycles(inline)).toHaveLength(1);
  });
});
