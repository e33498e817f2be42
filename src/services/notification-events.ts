import type { Db } from '../store/database.js';
import { userIdsWith } from '../store/notifications.repository.js';
import { findProposal } from '../store/proposals.repository.js';
import type { ServiceContext } from './context.js';
import { notify } from './notifications.service.js';

/**
 * Today's events, each one call inside the transaction of its change. Later
 * features (CRA clocks, SBOM matches, lockout alerts) add theirs beside them.
 */

/** The submitter learns the outcome of their proposal. */
export async function notifyProposalDecided(ctx: ServiceContext, trx: Db, proposalId: string): Promise<void> {
  const p = await findProposal(trx, proposalId);
  if (!p) return;
  const accepted = p.status === 'accepted';
  await notify(
    ctx,
    trx,
    { userIds: [p.submitted_by] },
    {
      kind: 'proposal-decided',
      title: { ja: `課題が${accepted ? '採用' : '不採用'}になりました: ${p.title}`, en: `Your proposal was ${accepted ? 'accepted' : 'rejected'}: ${p.title}` },
      body: {
        ja: p.reason ? `理由: ${p.reason}` : `課題「${p.title}」の判断が出ました。`,
        en: p.reason ? `Reason: ${p.reason}` : `A decision was made on "${p.title}".`,
      },
      link: `/proposals/${encodeURIComponent(p.id)}`,
    },
  );
}

/** Editors learn that an assessor flagged a check item. */
export async function notifyDefectFlagged(ctx: ServiceContext, trx: Db, flag: { proposalId: string; no: string; title: string }): Promise<void> {
  const editors = [...(await userIdsWith(trx, { role: 'editor' })), ...(await userIdsWith(trx, { role: 'admin' }))];
  await notify(
    ctx,
    trx,
    { userIds: editors },
    {
      kind: 'defect-flagged',
      title: { ja: `項目への指摘: ${flag.no} ${flag.title}`, en: `Item flagged: ${flag.no} ${flag.title}` },
      body: { ja: '評価者がチェック項目に指摘を付けました。', en: 'An assessor flagged a check item.' },
      link: `/proposals/${encodeURIComponent(flag.proposalId)}`,
    },
  );
}

/** The product's organisation (and whoever made the assessment) learn it is final. */
export async function notifyAssessmentFinalised(
  ctx: ServiceContext,
  trx: Db,
  a: { id: string; title: string; organisation_id: string; created_by: string | null },
): Promise<void> {
  const members = await userIdsWith(trx, { role: 'member', organisationId: a.organisation_id });
  await notify(
    ctx,
    trx,
    { userIds: [...members, ...(a.created_by ? [a.created_by] : [])] },
    {
      kind: 'assessment-finalised',
      title: { ja: `診断が確定しました: ${a.title}`, en: `Assessment finalised: ${a.title}` },
      body: { ja: `診断「${a.title}」が確定し、結果を閲覧できます。`, en: `The assessment "${a.title}" is final; its results can be read.` },
      link: `/assessments/${encodeURIComponent(a.id)}`,
    },
  );
}
