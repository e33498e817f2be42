import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file and folder under `root`, relative and sorted; a folder named in `notInto` is listed but not entered. */
export function listing(root: string, notInto: readonly string[] = []): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      out.push(path);
      if (e.isDirectory() && !notInto.includes(path)) walk(path);
    }
  };
  walk('');
  return out.sort();
}
