import { clip } from './fields.ts';
import { decodeScenarioFile, type ScenarioRead } from './scenarioFile.ts';

/**
 * A scenario file's text → what it opens, or every problem. Two things only the text shows are
 * checked here: that it is JSON at all, and that no object gives a field twice (JSON.parse keeps the
 * last of `"vms": 1, "vms": 16` without a word; the file is refused with the field named instead).
 */
export function readScenarioText(text: string): ScenarioRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // The parser's words quote the text around the fault: kept short, like every quote of input.
    return { ok: false, errors: [`not JSON (${clip(e instanceof Error ? e.message : String(e))})`] };
  }
  const twice = duplicateFields(text);
  if (twice.length > 0)
    return {
      ok: false,
      errors: twice.map((path) => `${clip(path)}: given twice in the file (which one was meant?)`),
    };
  return decodeScenarioFile(json);
}

interface Level {
  readonly object: boolean;
  readonly path: string;
  readonly keys: Set<string>;
  key: string;
  awaitingKey: boolean;
  index: number;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** The paths of fields an object of `text` (valid JSON) gives more than once: `settings.vms`. */
export function duplicateFields(text: string): string[] {
  const out: string[] = [];
  const stack: Level[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack.at(-1);
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (top?.object && top.awaitingKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) out.push(join(top.path, key));
        top.keys.add(key);
        top.key = key;
        top.awaitingKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const path = !top ? '' : top.object ? join(top.path, top.key) : `${top.path}[${top.index}]`;
      stack.push({ object: c === '{', path, keys: new Set(), key: '', awaitingKey: c === '{', index: 0 });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top) {
      if (top.object) top.awaitingKey = true;
      else top.index++;
    }
  }
  return out;
}
