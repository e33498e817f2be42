import { findAssessment } from '../store/assessments.repository.js';
import type { Db } from '../store/database.js';
import { userIdsWith } from '../store/notifications.repository.js';
import type { ServiceContext } from './context.js';
import { notify } from './notifications.service.js';

/**
 * Self-assessment events, each inside the transaction of its change: the
 * consortium's assessors learn of a submission; the organisation's members
 * learn that it was sent back or accepted.
 */

export async function notifySelfAssessmentSubmitted(ctx: ServiceContext, trx: Db, id: string): Promise<void> {
  const a = await findAssessment(trx, id);
  if (!a) return;
  const assessors = await userIdsWith(trx, { role: 'assessor' });
  await notify(
    ctx,
    trx,
    { userIds: assessors },
    {
      kind: 'self-assessment',
      title: { ja: `自己診断のレビュー依頼: ${a.title}`, en: `Self-assessment to review: ${a.title}` },
      body: {
        ja: `${a.organisation_name} が「${a.product_name}」の自己診断を提出しました。`,
        en: `${a.organisation_name} submitted the self-assessment of "${a.product_name}".`,
      },
      link: `/assessments/${encodeURIComponent(id)}`,
    },
  );
}

export async function notifySelfAssessmentDecided(ctx: ServiceContext, trx: Db, id: string, outcome: 'sent-back' | 'accepted'): Promise<void> {
  const a = await findAssessment(trx, id);
  if (!a) return;
  const members = await userIdsWith(trx, { role: 'member', organisationId: a.organisation_id });
  const accepted = outcome === 'accepted';
  await notify(
    ctx,
    trx,
    { userIds: members },
    {
      kind: 'self-assessment',
      title: accepted
        ? { ja: `自己診断が承認されました: ${a.title}`, en: `Self-assessment accepted: ${a.title}` }
        : { ja: `自己診断が差し戻されました: ${a.title}`, en: `Self-assessment sent back: ${a.title}` },
      body: accepted
        ? {
            ja: 'レビューの結果、自己診断が承認されました。両方の判定を確認できます。',
            en: 'The review accepted the self-assessment; both verdicts can be read.',
          }
        : {
            ja: 'レビューで指摘があります。コメントを確認し、修正して再提出してください。',
            en: 'The review has comments: read them, make the changes and submit again.',
          },
      link: `/assessments/${encodeURIComponent(id)}`,
    },
  );
}
