import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { contentFiles } from '../../src/content/export-content.js';
import { loadContent } from '../../src/content/load-content.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Attached publisher text never enters the repository's content. */
const dir = tempDir();
afterAll(() => dir.remove());

it('validate refuses statement or discussion text in a standard catalog, naming file and line', () => {
  const content = join(dir.path, 'content');
  cpSync(defaultContentDir(), content, { recursive: true });
  const file = join(content, 'standards', 'nist-sp-800-171r3.yaml');
  const text = readFileSync(file, 'utf8').replace(
    '          en: Manage system accounts\n',
    '          en: Manage system accounts\n        statement: Define the types of system accounts allowed and prohibited.\n',
  );
  writeFileSync(file, text);
  const loaded = loadContent(content);
  expect(loaded.ok).toBe(false);
  const problem = loaded.problems.find((p) => p.severity === 'error');
  expect(problem?.file).toContain('nist-sp-800-171r3.yaml');
  expect(problem?.message).toMatch(/statement/);
  // An unknown key is located at the requirement node that holds it.
  const line = text.split('\n').findIndex((l) => l.includes('id: "03.01.01"')) + 1;
  expect(problem?.line).toBe(line);
});

it('bin/tebiki validate refuses a discussion: key too, printing file:line', async () => {
  const content = join(dir.path, 'content-discussion');
  cpSync(defaultContentDir(), content, { recursive: true });
  const file = join(content, 'standards', 'nist-sp-800-171r2.yaml');
  const original = readFileSync(file, 'utf8');
  const at = original.indexOf('id: "3.1.1"');
  expect(at).toBeGreaterThan(0);
  const lineEnd = original.indexOf('\n', at);
  const indent = /^( *)/.exec(original.slice(original.lastIndexOf('\n', at) + 1))?.[1]?.length ?? 0;
  const text = `${original.slice(0, lineEnd + 1)}${' '.repeat(indent + 2)}discussion: Access control policies control access.\n${original.slice(lineEnd + 1)}`;
  writeFileSync(file, text);
  const r = await runCli(['validate', '--content', content]);
  expect(r.code).toBe(1);
  const line = text.slice(0, at).split('\n').length;
  expect(`${r.stdout}${r.stderr}`).toMatch(new RegExp(`nist-sp-800-171r2\\.yaml:${line}:\\d+.*discussion`));
});

it('the bundled content and its export carry ids and our own titles only: no NIST statement text', () => {
  const loaded = loadContent(defaultContentDir());
  if (!loaded.ok) throw new Error('bundled content is invalid');
  const files = contentFiles(loaded.edition);
  const nist = [...files].filter(([name]) => name.startsWith('standards/nist-sp-800-171'));
  expect(nist.length).toBe(2);
  for (const [, yaml] of nist) {
    expect(yaml).not.toMatch(/organization-defined|\bstatement:|\bdiscussion:/);
    expect(yaml).toContain('attachedText:');
  }
});
