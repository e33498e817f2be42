import { describe, expect, it } from 'vitest';
import { DERIVED_RESULTS } from '../../src/core/assessment/derived-view.js';
import { SELF_ASSESSMENT_STATES } from '../../src/core/assessment/self-assessment.js';
import { ASSESSMENT_STATUSES, DEFECT_KINDS, VERDICTS } from '../../src/core/assessment/verdicts.js';
import { CRA_STAGES } from '../../src/core/cra/cra-clocks.js';
import { FINDING_VERDICTS } from '../../src/core/evidence/finding.types.js';
import { RequirementStatus, STANDARD_NODE_KINDS } from '../../src/core/model/edition.schema.js';
import { CONFIDENCE_LEVELS, RELATIONSHIPS, VERIFICATION_METHODS } from '../../src/core/taxonomy.js';
import {
  ASSESSMENT_STATUS_LABELS,
  CONFIDENCE_LABELS,
  COVERAGE_STATUS_LABELS,
  CRA_REPORT_FIELD_LABELS,
  CRA_STAGE_LABELS,
  DEFECT_LABELS,
  DERIVED_RESULT_LABELS,
  FINDING_VERDICT_LABELS,
  ITEM_CHANGE_LABELS,
  labelsIn,
  READINESS_STATE_LABELS,
  RELATIONSHIP_LABELS,
  REQUIREMENT_SECTION_LABELS,
  REQUIREMENT_STATUS_LABELS,
  SELF_ASSESSMENT_STATE_LABELS,
  STANDARD_NODE_KIND_LABELS,
  VERDICT_LABELS,
  VERIFICATION_METHOD_LABELS,
} from '../../src/core/vocabulary-labels.js';

/** Each vocabulary's values, as the core lists them, beside its label table. */
const VOCABULARIES: [string, readonly string[], Readonly<Record<string, { ja: string; en: string }>>][] = [
  ['verdicts', VERDICTS, VERDICT_LABELS],
  ['defect kinds', DEFECT_KINDS, DEFECT_LABELS],
  ['assessment statuses', ASSESSMENT_STATUSES, ASSESSMENT_STATUS_LABELS],
  ['self-assessment states', SELF_ASSESSMENT_STATES, SELF_ASSESSMENT_STATE_LABELS],
  ['derived results', DERIVED_RESULTS, DERIVED_RESULT_LABELS],
  ['readiness states', ['met', 'not-met', 'unknown'], READINESS_STATE_LABELS],
  ['item changes', ['improved', 'regressed', 'same', 'changed', 'added', 'removed'], ITEM_CHANGE_LABELS],
  ['finding verdicts', FINDING_VERDICTS, FINDING_VERDICT_LABELS],
  ['relationships', RELATIONSHIPS, RELATIONSHIP_LABELS],
  ['coverage statuses', ['covered', 'partial', 'out-of-scope', 'pending', 'gap', 'not-applicable'], COVERAGE_STATUS_LABELS],
  ['verification methods', VERIFICATION_METHODS, VERIFICATION_METHOD_LABELS],
  ['confidence levels', CONFIDENCE_LEVELS, CONFIDENCE_LABELS],
  ['standard node kinds', STANDARD_NODE_KINDS, STANDARD_NODE_KIND_LABELS],
  ['requirement statuses', RequirementStatus.options, REQUIREMENT_STATUS_LABELS],
  ['CRA stages', CRA_STAGES, CRA_STAGE_LABELS],
];

describe('the labels of the core vocabularies', () => {
  it.each(VOCABULARIES)('%s: every value, and only those, has a Japanese and an English label', (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const value of values) {
      expect(labels[value]?.ja.trim(), value).toBeTruthy();
      expect(labels[value]?.en.trim(), value).toBeTruthy();
    }
  });

  it.each(VOCABULARIES)('%s: no two values read alike in one language', (_name, values, labels) => {
    for (const lang of ['ja', 'en'] as const) {
      const shown = values.map((v) => labels[v]?.[lang]);
      expect(new Set(shown).size, lang).toBe(values.length);
    }
  });

  it('names the sections of an item and the fields of a CRA report in both languages', () => {
    for (const table of [REQUIREMENT_SECTION_LABELS, CRA_REPORT_FIELD_LABELS])
      for (const [key, label] of Object.entries(table)) {
        expect(label.ja.trim(), key).toBeTruthy();
        expect(label.en.trim(), key).toBeTruthy();
      }
  });

  it('gives one language side of a table for a message catalog', () => {
    expect(labelsIn(DEFECT_LABELS, 'ja')).toEqual({ unclear: '不明確', wrong: '誤り', missing: '不足', 'too-strict': '厳しすぎる' });
    expect(labelsIn(DEFECT_LABELS, 'en')['too-strict']).toBe('Too strict');
  });

  it('names readiness with the words of the derived results it comes from', () => {
    for (const state of ['met', 'not-met', 'unknown'] as const) expect(READINESS_STATE_LABELS[state]).toEqual(DERIVED_RESULT_LABELS[state]);
  });
});
