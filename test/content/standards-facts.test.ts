import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { Standard, type StandardNode } from '../../src/core/model/edition.schema.js';
import { readReference, sharedAvailable } from '../helpers/shared-reference.js';

/** The bundled catalogs carry the reference facts exactly: ids, counts, statuses, conditions, levels, flags. */
const catalog = (id: string) => Standard.parse(parse(readFileSync(join(defaultContentDir(), 'standards', `${id}.yaml`), 'utf8')));
const nodes = (id: string): StandardNode[] => {
  const out: StandardNode[] = [];
  const walk = (list: readonly StandardNode[]) => {
    for (const n of list) {
      out.push(n);
      if (n.children) walk(n.children);
    }
  };
  walk(catalog(id).requirements);
  return out;
};
const ids = (id: string, pred: (n: StandardNode) => boolean) =>
  nodes(id)
    .filter(pred)
    .map((n) => n.id)
    .sort();
const sorted = (xs: string[]) => [...xs].sort();

describe.skipIf(!sharedAvailable())('standards catalogs against ../shared/reference', () => {
  it('IEC 62443-4-1: 47 requirements in 8 practices, ids as in the reference', () => {
    const ref = readReference<{ practices: { requirements: { id: string }[] }[] }>('iec62443-4-1_ids.json');
    const expected = ref.practices.flatMap((p) => p.requirements.map((r) => r.id));
    expect(expected).toHaveLength(47);
    expect(ids('iec-62443-4-1', (n) => n.kind === 'requirement')).toEqual(sorted(expected));
    expect(catalog('iec-62443-4-1').requirements).toHaveLength(8);
  });

  it('IEC 62443-4-2: every CCSC, CR, RE and variant id; SL-C levels from the minimum level', () => {
    const ref = readReference<{
      groups: { requirements: { id: string }[] }[];
      requirement_enhancements_and_min_SL_C: { req: string; base_min_sl?: number; REs?: { re: string; topic?: string; min_sl?: number }[] }[];
    }>('iec62443-4-2_ids_re_sl.json');
    const all = new Set(nodes('iec-62443-4-2').map((n) => n.id));
    for (const g of ref.groups) for (const r of g.requirements) expect(all, r.id).toContain(r.id);
    const byId = new Map(nodes('iec-62443-4-2').map((n) => [n.id, n]));
    const levelsFrom = (min: number) => ['1', '2', '3', '4'].filter((l) => Number(l) >= min);
    // The reference writes device-type variants together ("EDR/HDR/NDR 2.13"); the catalog has one node each.
    const expand = (req: string) => {
      const [types, number] = req.split(' ');
      return (types ?? '').split('/').map((t) => `${t} ${number}`);
    };
    for (const item of ref.requirement_enhancements_and_min_SL_C) {
      for (const req of expand(item.req)) {
        for (const re of item.REs ?? []) {
          // An enhancement noted as "(HDR only)" exists for that device type alone.
          const only = /\((\w+) only\)/.exec(re.topic ?? '')?.[1];
          if (only && !req.startsWith(`${only} `)) continue;
          const node = byId.get(`${req} ${re.re}`);
          expect(node, `${req} ${re.re}`).toBeDefined();
          if (re.min_sl) expect(node?.levels, `${req} ${re.re}`).toEqual(levelsFrom(re.min_sl));
        }
        if (item.base_min_sl && byId.get(req)?.levels) expect(byId.get(req)?.levels, req).toEqual(levelsFrom(item.base_min_sl));
      }
    }
  });

  it('NIST SP 800-171 rev3: 17 families, 97 active and 33 withdrawn requirements', () => {
    const ref = readReference<{ families: { id: string; requirements: { id: string }[] }[] }>('nist_sp800-171r3_requirements.json');
    const active = ref.families.flatMap((f) => f.requirements.map((r) => r.id));
    expect(ids('nist-sp-800-171r3', (n) => n.kind === 'requirement' && n.status !== 'withdrawn')).toEqual(sorted(active));
    expect(ids('nist-sp-800-171r3', (n) => n.status === 'withdrawn')).toHaveLength(33);
    expect(ids('nist-sp-800-171r3', (n) => n.kind === 'group')).toEqual(sorted(ref.families.map((f) => f.id)));
  });

  it('NIST SP 800-171 rev2: 14 families, 110 requirements', () => {
    const ref = readReference<{ families: { id: string; requirements: { id: string }[] }[] }>('nist_sp800-171r2_requirements.json');
    // The reference data is messy: one id carries stray spaces (" 3.2.1 ").
    const expected = ref.families.flatMap((f) => f.requirements.map((r) => r.id.trim()));
    expect(expected).toHaveLength(110);
    expect(ids('nist-sp-800-171r2', (n) => n.kind !== 'group')).toEqual(sorted(expected));
  });

  it('ETSI EN 303 645: 68 provisions with their mandatory/recommended status and conditions', () => {
    const ref = readReference<{ categories: { provisions: { id: string; status: string }[] }[]; conditions: Record<string, string> }>(
      'etsi_en303645_v2.1.1_provisions.json',
    );
    const provisions = ref.categories.flatMap((c) => c.provisions);
    expect(provisions).toHaveLength(68);
    const byId = new Map(nodes('etsi-en-303-645').map((n) => [n.id, n]));
    for (const p of provisions) {
      const node = byId.get(p.id);
      expect(node, p.id).toBeDefined();
      const [, mr, cond] = /^([MR])(?: C\(([\d,]+)\))?$/.exec(p.status) ?? [];
      expect(node?.status, p.id).toBe(mr === 'M' ? 'mandatory' : 'recommended');
      expect(node?.conditions ?? [], p.id).toEqual(cond ? cond.split(',') : []);
    }
    expect(Object.keys(catalog('etsi-en-303-645').conditions ?? {}).sort()).toEqual(Object.keys(ref.conditions).sort());
  });

  it('JC-STAR ★1: 16 items; the unconfirmed ones stay flagged', () => {
    const ref = readReference<{ confirmed: { id: string }[]; unconfirmed: string[] }>('jcstar_star1_partial.json');
    expect(ids('jc-star-1', (n) => n.kind !== 'group')).toHaveLength(16);
    for (const id of ref.unconfirmed) expect(nodes('jc-star-1').find((n) => n.id === id)?.unconfirmed, id).toBe(true);
    for (const { id } of ref.confirmed) expect(nodes('jc-star-1').find((n) => n.id === id)?.unconfirmed, id).not.toBe(true);
    expect(catalog('jc-star-1').confidence).not.toBe('verified');
  });

  it('EU CRA Annex I: Part I essential requirements (a) to (m) and Part II eight items', () => {
    const ref = readReference<{ annex_I_part_I: { id: string }[]; annex_I_part_II: { id: string }[] }>('eu_cra_annex_I.json');
    const all = new Set(nodes('eu-cra-annex-i').map((n) => n.id));
    for (const r of [...ref.annex_I_part_I, ...ref.annex_I_part_II]) expect(all, r.id).toContain(r.id);
    expect(ref.annex_I_part_II).toHaveLength(8);
    expect(ref.annex_I_part_I.filter((r) => /^I\.2\(/.test(r.id))).toHaveLength(13);
  });

  it('OWASP ISVS: ids and levels exactly, attributed under CC BY-SA 4.0', () => {
    const ref = readReference<{ chapters: { requirements: { id: string; levels: string[] }[] }[] }>('owasp_isvs_1.0_ids_levels.json');
    const byId = new Map(nodes('owasp-isvs').map((n) => [n.id, n]));
    for (const r of ref.chapters.flatMap((c) => c.requirements)) expect(byId.get(r.id)?.levels, r.id).toEqual(r.levels);
    expect(catalog('owasp-isvs').licence.en).toMatch(/CC BY-SA 4\.0/);
  });

  it('EN 18031: every requirement-level id of every part, nothing else, and the secondary-source flag in view', () => {
    const ref = readReference<{ requirements: { parts: Record<string, string[]> } }>('en18031_mechanisms.json');
    const expected = Object.entries(ref.requirements.parts).flatMap(([part, codes]) => codes.map((code) => `${part.replace('EN ', '')} ${code}`));
    const ours = nodes('en-18031')
      .filter((n) => n.kind === 'requirement')
      .map((n) => n.id);
    expect([...ours].sort()).toEqual([...expected].sort());
    expect(catalog('en-18031').source).toMatch(/^SECONDARY SOURCE/);
    expect(catalog('en-18031').confidence).not.toBe('verified');
  });
});
