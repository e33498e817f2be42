import { z } from 'zod';
import { EditionMeta, GlossaryFile, OutOfScopeFile, Requirement, ReviewFile, Standard, Taxonomy } from '../core/model/edition.schema.js';
import { Landscape } from '../core/model/landscape.schema.js';

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
  };
}
