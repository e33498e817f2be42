import type { MappingHint } from '../core/attached-text/attached-views.js';
import { checksheetHints } from './attached-texts.service.js';
import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';
import { generateChecksheet } from '../core/assessment/checksheet.js';
import type { Checksheet, ChecksheetSpec } from '../core/assessment/checksheet.types.js';
import type { Actor } from '../core/authorization.js';
import type { Edition } from '../core/model/edition.schema.js';
import { AppError, validationErrors } from '../core/errors.js';
import { LAYERS, PHASES } from '../core/taxonomy.js';
import type { ServiceContext } from './context.js';
import { COMPONENT_TYPES } from './coverage.service.js';
import { readableEdition } from './editions.service.js';
import { distinctIds } from './input-rules.js';

/** What to put in a checksheet, as the API and the web form give it. Empty layer/phase lists mean all. */
export const ChecksheetSpecInput = z
  .object({
    layers: distinctIds(LAYERS),
    phases: distinctIds(PHASES),
    profile: z.array(z.string().trim().min(1).max(50)).max(100).nullable().default(null),
    standard: z.string().trim().min(1).max(100).optional(),
    sl: z.number().int().min(1).max(4).optional(),
    componentType: z.enum(COMPONENT_TYPES).optional(),
    mandatoryOnly: z.boolean().optional(),
  })
  .strict()
  .superRefine(
    (v, ctx) => {
      if (typeof v !== 'object' || v === null) return;
      for (const key of ['sl', 'componentType', 'mandatoryOnly'] as const) {
        if (v[key] !== undefined && v.standard === undefined) ctx.addIssue({ code: 'custom', ...coded('needs a target standard', 'invalid', [key]) });
      }
    },
    // Also when other fields are wrong, so one answer names every problem.
    { when: () => true },
  );
export type ChecksheetSpecInput = z.output<typeof ChecksheetSpecInput>;

export const ChecksheetRequest = z.object({ editionId: z.string().trim().min(1).max(100), spec: ChecksheetSpecInput }).strict();

export function specFromInput(input: ChecksheetSpecInput): ChecksheetSpec {
  return {
    layers: input.layers,
    phases: input.phases,
    profile: input.profile,
    target: input.standard
      ? {
          standard: input.standard,
          ...(input.sl !== undefined ? { securityLevel: input.sl } : {}),
          ...(input.componentType ? { componentType: input.componentType } : {}),
          ...(input.mandatoryOnly ? { mandatoryOnly: true } : {}),
        }
      : null,
  };
}

/** The checksheet, or the spec's problems named under `spec` (sl → spec.sl, profile[2] → spec.profile.2). */
export function checksheetFor(edition: Edition, spec: ChecksheetSpec): Checksheet {
  try {
    return generateChecksheet(edition, spec);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation-failed' && err.errors) {
      const errors = err.errors.map((e) => ({ ...e, path: `spec.${e.path.replace(/\[(\d+)\]/g, '.$1')}` }));
      throw validationErrors(errors);
    }
    throw err;
  }
}

/**
 * A checksheet from an edition the actor may read. Spec problems the schema
 * cannot see (unknown standard or condition) come back under `spec`.
 */
export async function buildChecksheet(ctx: ServiceContext, actor: Actor, editionId: string, input: ChecksheetSpecInput): Promise<Checksheet> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return checksheetFor(await readableEdition(ctx, actor, editionId), specFromInput(input));
}

/** The publisher's text beside 確認方法 for an exported checksheet (attached NIST catalogs of its edition). */
export async function checksheetExportHints(ctx: ServiceContext, actor: Actor, editionId: string, checksheet: Checksheet): Promise<Map<string, MappingHint[]>> {
  return checksheetHints(
    ctx,
    await readableEdition(ctx, actor, editionId),
    checksheet.items.map((i) => i.requirementId),
  );
}
