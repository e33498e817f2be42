import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { Standard, type StandardNode } from '../../src/core/model/edition.schema.js';

/**
 * Every requirement of every bundled catalog has its own short title, in both
 * languages: not its section's name, not its parent requirement's title, and not
 * the title of another requirement of the same catalog. A reviewer who sees only
 * "ISVS 3.2.5" and its title must be able to tell what a link points at.
 *
 * Where two requirements legitimately share a title, the test says why:
 * - withdrawn requirements (NIST SP 800-171r3) state nothing of their own; their
 *   title only says where their content went;
 * - IEC 62443-4-2 states one enhancement for several device types (SAR, EDR, HDR,
 *   NDR 2.4 RE(1) ...): the same ask of a different device type, whose id names
 *   the type, so nodes that differ only in that prefix may share a title;
 * - EN 18031's three parts are three standards bundled in one catalog, and the
 *   same mechanism (ACM-1 ...) appears in each part for a different asset (network,
 *   personal data, money): titles are unique within a part, and the id names it.
 */

type Lang = 'ja' | 'en';
const langs: Lang[] = ['ja', 'en'];
const DEVICE_TYPE = /^(SAR|EDR|HDR|NDR) /;
/** Catalogs whose top-level groups are separate standards (parts). */
const PER_PART = new Set(['en-18031']);

interface Entry {
  node: StandardNode;
  /** The nearest section (group) above it, if any. */
  section: StandardNode | undefined;
  /** The requirement it refines (an enhancement's base requirement), if any. */
  base: StandardNode | undefined;
  /** Which top-level group it sits in. */
  part: string;
}

const dir = join(defaultContentDir(), 'standards');
const catalogs = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => Standard.parse(parse(readFileSync(join(dir, f), 'utf8'))));

function entries(requirements: readonly StandardNode[]): Entry[] {
  const out: Entry[] = [];
  const walk = (list: readonly StandardNode[], section: StandardNode | undefined, base: StandardNode | undefined, part: string) => {
    for (const node of list) {
      const top = part || node.id;
      if (node.kind === 'group') walk(node.children ?? [], node, undefined, top);
      else {
        out.push({ node, section, base, part: top });
        walk(node.children ?? [], section, node, top);
      }
    }
  };
  walk(requirements, undefined, undefined, '');
  return out;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Two entries that may share a title, per the exceptions above. */
function sameAskByDesign(a: Entry, b: Entry): boolean {
  return DEVICE_TYPE.test(a.node.id) && a.node.id.replace(DEVICE_TYPE, '') === b.node.id.replace(DEVICE_TYPE, '');
}

describe('short titles of standard requirements', () => {
  it('the bundled catalogs are all read', () => {
    expect(catalogs.map((c) => c.id).sort()).toEqual(expect.arrayContaining(['owasp-isvs', 'iec-62443-4-2', 'en-18031', 'jc-star-1', 'nist-sp-800-171r3']));
  });

  for (const catalog of catalogs) {
    const all = entries(catalog.requirements).filter((e) => e.node.status !== 'withdrawn');

    it(`${catalog.id}: no requirement is titled with its section's name or its base requirement's title`, () => {
      const bad: string[] = [];
      for (const e of all)
        for (const lang of langs) {
          const own = norm(e.node.title[lang]);
          if (e.section && own === norm(e.section.title[lang])) bad.push(`${e.node.id} (${lang}): section name "${e.section.title[lang]}"`);
          if (e.base && own === norm(e.base.title[lang])) bad.push(`${e.node.id} (${lang}): base requirement's title`);
        }
      expect(bad).toEqual([]);
    });

    it(`${catalog.id}: no two requirements share a title${PER_PART.has(catalog.id) ? ' within a part' : ''}`, () => {
      const bad: string[] = [];
      for (const lang of langs) {
        const seen = new Map<string, Entry>();
        for (const e of all) {
          const key = `${PER_PART.has(catalog.id) ? e.part : ''}\u0000${norm(e.node.title[lang])}`;
          const first = seen.get(key);
          if (!first) seen.set(key, e);
          else if (!sameAskByDesign(first, e)) bad.push(`${first.node.id} and ${e.node.id} (${lang}): "${e.node.title[lang]}"`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it('OWASP ISVS: all 169 requirements have their own titles, none a section name standing in', () => {
    const isvs = catalogs.find((c) => c.id === 'owasp-isvs');
    if (!isvs) throw new Error('owasp-isvs missing');
    const list = entries(isvs.requirements);
    expect(list).toHaveLength(169);
    for (const lang of langs) expect(new Set(list.map((e) => norm(e.node.title[lang]))).size).toBe(169);
    // The old stand-in wording ("... verification requirement") is gone.
    expect(list.filter((e) => /verification requirement|に関する検証要件/.test(`${e.node.title.en} ${e.node.title.ja}`))).toEqual([]);
  });
});
