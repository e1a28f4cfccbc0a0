/**
 * Runtime import cycles in src/: modules that import each other (directly or round a loop) are
 * evaluated in an order that depends on who is imported first, so a value may be read before it
 * is defined. Type-only imports (`import type`, `export type`) vanish at compile time and do not
 * count; `import { type A }` does (verbatimModuleSyntax keeps it as an import). Dynamic `import()`
 * and workers load later and do not count either.
 *
 * `npx tsx scripts/importCycles.ts` prints the cycles; scripts/importCycles.test.ts asserts none.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // a package
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The modules a file imports at run time (static imports and re-exports that are not type-only). */
export function runtimeImports(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const s of source.statements) {
    let spec: ts.Expression | undefined;
    if (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly) spec = s.moduleSpecifier;
    if (ts.isExportDeclaration(s) && !s.isTypeOnly) spec = s.moduleSpecifier;
    if (spec && ts.isStringLiteral(spec)) {
      const target = resolveImport(file, spec.text);
      if (target) out.push(target);
    }
  }
  return out;
}

/** Every runtime import cycle among the files under `root`, each as a loop of paths relative to it. */
export function importCycles(root: string): string[][] {
  const files = sourceFiles(root).filter((f) => !/\.test\.tsx?$/.test(f));
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  // Tarjan's strongly connected components: a component of more than one file holds a cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return components.map((c) => loopThrough(c, graph).map((f) => relative(root, f)));
}

/** One loop that goes through the first file of a component, for the message. */
function loopThrough(component: string[], graph: Map<string, string[]>): string[] {
  const inside = new Set(component);
  const start = component.slice().sort()[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const loop = [v];
        while (loop[0] !== start) loop.unshift(previous.get(loop[0])!);
        return [...loop, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const cycles = importCycles(resolve('src'));
  for (const c of cycles) console.log(c.join(' → '));
  console.log(`${cycles.length} runtime import cycle(s) in src/`);
  process.exitCode = cycles.length > 0 ? 1 : 0;
}
