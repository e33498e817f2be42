import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder, found from this file whether it runs from src/ or dist/src/. */
export function projectRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.includes(join('dist', 'src')) ? join(here, '..', '..', '..') : join(here, '..', '..');
}

/** The bundled content folder. */
export function defaultContentDir(): string {
  return join(projectRoot(), 'content');
}
