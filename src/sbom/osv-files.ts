/**
 * Reads OSV records from what an operator downloads elsewhere: a folder of OSV
 * JSON files (searched recursively), one OSV JSON file, or a per-ecosystem
 * `all.zip`. Each record is checked against the OSV fields tebiki reads; a
 * record that does not pass is reported with its file and not used.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type JSZip from 'jszip';
import { loadJsZip } from '../runtime/lazy-package.js';
import { OsvRecord } from '../core/vulnerability/osv.schema.js';

export interface OsvProblem {
  place: string;
  message: string;
}

export interface OsvReadResult {
  records: OsvRecord[];
  problems: OsvProblem[];
}

function parseRecord(place: string, text: string, out: OsvReadResult): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    out.problems.push({ place, message: `not valid JSON: ${(err as Error).message}` });
    return;
  }
  const parsed = OsvRecord.safeParse(value);
  if (parsed.success) out.records.push(parsed.data);
  else {
    const issue = parsed.error.issues[0];
    out.problems.push({ place: `${place} at /${issue?.path.join('/') ?? ''}`, message: issue?.message ?? 'not an OSV record' });
  }
}

function walk(dir: string, out: OsvReadResult): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.name.endsWith('.json')) parseRecord(path, readFileSync(path, 'utf8'), out);
  }
}

async function readZip(path: string, out: OsvReadResult): Promise<void> {
  let zip: JSZip;
  try {
    zip = await loadJsZip().loadAsync(readFileSync(path));
  } catch (err) {
    out.problems.push({ place: path, message: `not a readable zip archive: ${(err as Error).message}` });
    return;
  }
  const files = Object.values(zip.files).filter((f) => !f.dir && f.name.endsWith('.json'));
  for (const file of files) parseRecord(`${path}:${file.name}`, await file.async('string'), out);
}

/** Every record at `path` (folder, .json or .zip), with the problems found on the way. */
export async function readOsvPath(path: string): Promise<OsvReadResult> {
  const out: OsvReadResult = { records: [], problems: [] };
  const stat = statSync(path);
  if (stat.isDirectory()) walk(path, out);
  else if (path.endsWith('.zip')) await readZip(path, out);
  else parseRecord(path, readFileSync(path, 'utf8'), out);
  return out;
}
