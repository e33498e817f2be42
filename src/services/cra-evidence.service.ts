import type { Actor } from '../core/authorization.js';
import { caseClocks } from '../core/cra/cra-clocks.js';
import { reportingFinding } from '../core/cra/cra-finding.js';
import type { SourcedFinding } from '../core/evidence/finding.types.js';
import { type Suggestion, suggest } from '../core/evidence/suggest.js';
import { loadCheckLinks } from '../content/load-check-links.js';
import { listCases, listContacts, reportsOf } from '../store/cra.repository.js';
import type { ServiceContext } from './context.js';
import { clockInput } from './cra-case-view.js';
import { getProduct } from './organisations.service.js';

/**
 * The `cra.reporting` finding of a product and the suggestions it gives
 * through content/checks/cra.yaml and the one suggestion rule. Drills never count.
 */
export async function craEvidence(ctx: ServiceContext, actor: Actor, productId: string): Promise<{ finding: SourcedFinding; suggestions: Suggestion[] }> {
  const finding = await craFinding(ctx, actor, productId);
  const links = loadCheckLinks(ctx.config.contentDir).links.filter((l) => l.check === finding.check);
  return { finding, suggestions: suggest([finding], links) };
}

/** The product's `cra.reporting` finding alone (an assessment's suggestions take its links from the evidence ports). */
export async function craFinding(ctx: ServiceContext, actor: Actor, productId: string): Promise<SourcedFinding> {
  const product = await getProduct(ctx, actor, productId);
  const now = ctx.now();
  const cases = await listCases(ctx.store.db, { organisationId: product.organisationId, statuses: ['open'], drill: false, productId });
  const reports = await reportsOf(
    ctx.store.db,
    cases.map((c) => c.id),
  );
  return reportingFinding({
    productId,
    productName: product.name,
    ownerNamed: (await listContacts(ctx.store.db, [productId])).some((c) => c.role === 'owner'),
    cases: cases.map((c) => ({ id: c.id, title: c.title, clocks: caseClocks(clockInput(c, reports), now) })),
    at: now.toISOString(),
  });
}
