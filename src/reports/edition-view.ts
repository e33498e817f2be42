import type { Edition, GlossaryTerm, Localized, Requirement, ThreatCategory } from '../core/model/edition.schema.js';
import { PHASES, type Phase } from '../core/taxonomy.js';
import type { Lang } from './labels.js';

/**
 * Lookups and orderings the publications share: labels of taxonomy ids,
 * items in number order, chapters in lifecycle order, glossary in reading
 * order. Built once per edition; pure.
 */

export interface Chapter {
  phase: Phase;
  label: Localized;
  description: Localized | undefined;
  stage: Localized;
  /** Items whose main phase (the first listed) is this one, by number. */
  items: Requirement[];
  /** Items of other chapters that also carry this phase, by number. */
  alsoApplies: Requirement[];
}

/** Display numbers compared as numbers: D-2.10 after D-2.9. */
export function byNumber(a: Requirement, b: Requirement): number {
  return NUMERIC.compare(a.number, b.number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// One collator each: String#localeCompare with options builds a new one per call.
const NUMERIC = new Intl.Collator('en', { numeric: true });
const READING: Readonly<Record<Lang, Intl.Collator>> = {
  ja: new Intl.Collator('ja', { sensitivity: 'base' }),
  en: new Intl.Collator('en', { sensitivity: 'base' }),
};

export class EditionView {
  readonly requirements: Requirement[];
  readonly requirementById: ReadonlyMap<string, Requirement>;
  readonly termById: ReadonlyMap<string, GlossaryTerm>;
  private readonly labels = new Map<string, Localized>();
  /** Threat category id → its labels from the root down. */
  private readonly categoryPath = new Map<string, Localized[]>();

  constructor(readonly edition: Edition) {
    this.requirements = [...edition.requirements].sort(byNumber);
    this.requirementById = new Map(edition.requirements.map((r) => [r.id, r]));
    this.termById = new Map(edition.glossary.map((t) => [t.id, t]));
    const t = edition.taxonomy;
    for (const l of t.layers) this.labels.set(`layer:${l.id}`, l.label);
    for (const p of t.phases) this.labels.set(`phase:${p.id}`, p.label);
    for (const s of t.stages) this.labels.set(`stage:${s.id}`, s.label);
    for (const a of t.applicability) this.labels.set(`applicability:${a.id}`, a.label);
    const walk = (list: readonly ThreatCategory[], path: Localized[]) => {
      for (const c of list) {
        this.categoryPath.set(c.id, [...path, c.label]);
        if (c.children) walk(c.children, [...path, c.label]);
      }
    };
    walk(t.threatCategories, []);
  }

  private label(kind: string, id: string): Localized {
    return this.labels.get(`${kind}:${id}`) ?? { ja: id, en: id };
  }

  layer(id: string): Localized {
    return this.label('layer', id);
  }

  phase(id: string): Localized {
    return this.label('phase', id);
  }

  stage(id: string): Localized {
    return this.label('stage', id);
  }

  applicability(id: string): Localized {
    return this.label('applicability', id);
  }

  /** "セキュリティ機能設計 › ユーザ認証" */
  threatCategory(id: string, lang: Lang): string {
    return (this.categoryPath.get(id) ?? [{ ja: id, en: id }]).map((l) => l[lang]).join(' › ');
  }

  /** Phases in lifecycle order, each with its items (an item sits in the chapter of its first phase). */
  chapters(): Chapter[] {
    return PHASES.map((phase) => {
      const info = this.edition.taxonomy.phases.find((p) => p.id === phase);
      return {
        phase,
        label: this.phase(phase),
        description: info?.description,
        stage: this.stage(info?.stage ?? ''),
        items: this.requirements.filter((r) => r.phases[0] === phase),
        alsoApplies: this.requirements.filter((r) => r.phases[0] !== phase && r.phases.includes(phase)),
      };
    });
  }

  private usedByIndex: Map<string, Requirement[]> | undefined;

  /** Items that list a glossary term, by number. */
  usedBy(termId: string): Requirement[] {
    if (!this.usedByIndex) {
      this.usedByIndex = new Map();
      for (const r of this.requirements) {
        for (const id of new Set(r.terms)) {
          const list = this.usedByIndex.get(id);
          if (list) list.push(r);
          else this.usedByIndex.set(id, [r]);
        }
      }
    }
    return this.usedByIndex.get(termId) ?? [];
  }

  /** Glossary in reading order: kana reading (else the term) for Japanese, alphabetical for English. */
  glossary(lang: Lang): GlossaryTerm[] {
    let sorted = this.glossaryOrder.get(lang);
    if (!sorted) {
      const key = (t: GlossaryTerm) => (lang === 'ja' ? (t.reading ?? t.term.ja) : t.term.en);
      const collator = READING[lang];
      sorted = [...this.edition.glossary].sort((a, b) => collator.compare(key(a), key(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.glossaryOrder.set(lang, sorted);
    }
    return sorted;
  }

  private readonly glossaryOrder = new Map<Lang, GlossaryTerm[]>();
}

const REFERENCE_PREFIX: Readonly<Record<string, string>> = { cwe: 'CWE-', capec: 'CAPEC-', 'cert-c': 'CERT C ', owasp: 'OWASP ', rfc: 'RFC ' };

/** "CWE-798" whether the content wrote "798" or "CWE-798". */
export function referenceName(reference: Requirement['references'][number]): string {
  const prefix = REFERENCE_PREFIX[reference.type] ?? '';
  const bare = prefix.trim().replace(/[- ]$/, '');
  if (!prefix || reference.id.toUpperCase().startsWith(bare.toUpperCase())) return reference.id;
  return `${prefix}${reference.id}`;
}
