import type { Answer } from '../../../src/core/assessment/assessment.types.js';
import type { ChecksheetItem } from '../../../src/core/assessment/checksheet.types.js';
import { VERDICTS, type Verdict } from '../../../src/core/assessment/verdicts.js';
import { PHASES } from '../../../src/core/taxonomy.js';
import { containsEveryWord } from '../search/every-word.js';

/**
 * The workspace's view as data: which items show, kept in the URL's query so
 * that a link opens the same view. Pure functions, no React.
 */

export const ITEM_STATES = ['unanswered', 'needs-review', 'suggested', 'flagged', 'changed'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export interface WorkspaceFilter {
  states: ItemState[];
  verdicts: Verdict[];
  layer: string;
  phase: string;
  threatCategory: string;
  standard: string;
  q: string;
}

export const EMPTY_FILTER: WorkspaceFilter = { states: [], verdicts: [], layer: '', phase: '', threatCategory: '', standard: '', q: '' };

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function filterFromSearch(search: string): { filter: WorkspaceFilter; item: string } {
  const p = new URLSearchParams(search);
  return {
    filter: {
      states: list(p.get('state')).filter((s): s is ItemState => (ITEM_STATES as readonly string[]).includes(s)),
      verdicts: list(p.get('verdict')).filter((v): v is Verdict => (VERDICTS as readonly string[]).includes(v)),
      layer: p.get('layer') ?? '',
      phase: p.get('phase') ?? '',
      threatCategory: p.get('tc') ?? '',
      standard: p.get('std') ?? '',
      q: p.get('q') ?? '',
    },
    item: p.get('item') ?? '',
  };
}

export function searchOf(filter: WorkspaceFilter, item: string): string {
  const p = new URLSearchParams();
  if (filter.states.length) p.set('state', filter.states.join(','));
  if (filter.verdicts.length) p.set('verdict', filter.verdicts.join(','));
  if (filter.layer) p.set('layer', filter.layer);
  if (filter.phase) p.set('phase', filter.phase);
  if (filter.threatCategory) p.set('tc', filter.threatCategory);
  if (filter.standard) p.set('std', filter.standard);
  if (filter.q) p.set('q', filter.q);
  if (item) p.set('item', item);
  const text = p.toString();
  return text ? `?${text}` : '';
}

export function isFiltered(f: WorkspaceFilter): boolean {
  return f.states.length > 0 || f.verdicts.length > 0 || !!(f.layer || f.phase || f.threatCategory || f.standard || f.q);
}

/** What the filter and search look at besides the item itself. */
export interface ItemFacts {
  answer: Answer;
  suggested: boolean;
}

function stateHolds(state: ItemState, { answer, suggested }: ItemFacts): boolean {
  switch (state) {
    case 'unanswered':
      return answer.verdict === 'unassessed';
    case 'needs-review':
      return answer.verdict === 'needs-review' || answer.review !== null;
    case 'suggested':
      return suggested;
    case 'flagged':
      return answer.defect !== null;
    case 'changed':
      return answer.review !== null;
  }
}

/** Every search term must occur in the item's text (number, titles, criteria, category) or its answer. */
function matchesText(item: ChecksheetItem, answer: Answer, q: string): boolean {
  return containsEveryWord(
    [
      item.no,
      item.title.ja,
      item.title.en,
      item.threatCategory.label.ja,
      item.threatCategory.label.en,
      ...item.criteria.flatMap((c) => [c.ja, c.en]),
      answer.evidence,
      answer.comment,
    ].join('\n'),
    q,
  );
}

/** States combine with OR among themselves (any chosen state), verdicts too; the other facets with AND. */
export function matches(item: ChecksheetItem, facts: ItemFacts, f: WorkspaceFilter): boolean {
  if (f.states.length && !f.states.some((s) => stateHolds(s, facts))) return false;
  if (f.verdicts.length && !f.verdicts.includes(facts.answer.verdict)) return false;
  if (f.layer && !(item.layers as string[]).includes(f.layer)) return false;
  if (f.phase && !(item.phases as string[]).includes(f.phase)) return false;
  if (f.threatCategory && item.threatCategory.id !== f.threatCategory && !item.threatCategory.id.startsWith(`${f.threatCategory}.`)) return false;
  if (f.standard && !item.targetLinks.some((l) => l.requirement === f.standard)) return false;
  return matchesText(item, facts.answer, f.q);
}

export interface ItemGroup {
  phase: string;
  items: ChecksheetItem[];
}

/**
 * Items grouped by their first phase inside the assessment's phase filter (the
 * phase the checksheet ordered them by), keeping the checksheet's order.
 */
export function groupByPhase(items: readonly ChecksheetItem[], chosen: readonly string[]): ItemGroup[] {
  const groups = new Map<string, ChecksheetItem[]>();
  for (const item of items) {
    const inFilter = item.phases.filter((p) => chosen.length === 0 || chosen.includes(p));
    const phase = PHASES.find((p) => inFilter.includes(p)) ?? item.phases[0] ?? '';
    const group = groups.get(phase);
    if (group) group.push(item);
    else groups.set(phase, [item]);
  }
  return [...groups.entries()].map(([phase, list]) => ({ phase, items: list }));
}
