import { z } from 'zod';
import { EditionMeta, GlossaryFile, OutOfScopeFile, Requirement, ReviewFile, Standard, Taxonomy } from '../core/model/edition.schema.js';
import { CheckLinksFile } from '../core/model/check-links.schema.js';
import { Landscape } from '../core/model/landscape.schema.js';
import { ProbeRunReport } from '../probes/run-report.js';
import { Scope } from '../probes/scope.schema.js';

/**
 * JSON Schemas generated from the zod schemas, so editors get completion and
 * inline errors in YAML (yaml-language-server reads the `# yaml-language-server:
 * $schema=` comment or a workspace mapping).
 */
export function contentJsonSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }),
    title,
  });
  return {
    edition: make(EditionMeta, 'tebiki edition metadata (content/edition.yaml)'),
    taxonomy: make(Taxonomy, 'tebiki taxonomy (content/taxonomy.yaml)'),
    requirement: make(Requirement, 'tebiki guidebook requirement (content/requirements/**/*.yaml)'),
    glossary: make(GlossaryFile, 'tebiki glossary file (content/glossary/*.yaml)'),
    standard: make(Standard, 'tebiki standard catalog (content/standards/*.yaml)'),
    'out-of-scope': make(OutOfScopeFile, 'tebiki out-of-scope declarations (content/out-of-scope/*.yaml)'),
    review: make(ReviewFile, 'tebiki review state per mapping (content/reviews/*.yaml)'),
    landscape: make(Landscape, 'tebiki standards landscape (content/landscape.yaml)'),
    checks: make(CheckLinksFile, 'tebiki links from checks to guidebook requirements (content/checks/*.yaml)'),
    'probe-scope': make(Scope, 'tebiki probe scope (bin/tebiki probe --scope FILE)'),
    'probe-findings': {
      ...z.toJSONSchema(ProbeRunReport, { io: 'output', target: 'draft-2020-12', unrepresentable: 'any' }),
      title: 'tebiki probe run (bin/tebiki probe --format json)',
    },
  };
}
