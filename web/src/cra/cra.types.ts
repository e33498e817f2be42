/** The CRA reporting API's shapes, as the web UI reads them; the clocks and member states come from the core. */
import type { CraStage, StageClock } from '../../../src/core/cra/cra-clocks.js';

export type { CraStage, StageClock } from '../../../src/core/cra/cra-clocks.js';
export { EU_MEMBER_STATES } from '../../../src/core/cra/member-states.js';

export interface CraCaseSummary {
  id: string;
  organisationId: string;
  productId: string;
  productName: string;
  kind: 'vulnerability' | 'incident';
  drill: boolean;
  status: 'proposed' | 'open' | 'closed';
  origin: string;
  title: string;
  vulnerabilityId: string | null;
  awareAt: string;
  clocks: StageClock[];
  urgent: StageClock | null;
}

export interface CriteriaView {
  id: string;
  kind: 'exploited' | 'severe-incident';
  version: number;
  items: { ja: string; en: string }[];
}

export interface CraCaseView extends CraCaseSummary {
  aliases: string[];
  versions: { id: string; version: string }[];
  memberStates: string[];
  criteria: CriteriaView | null;
  decision: { checked: number[]; note: string };
  correctiveAt: string | null;
  correctiveText: string | null;
  closedAt: string | null;
  closedReason: string | null;
  contacts: { userId: string; displayName: string; role: 'owner' | 'deputy'; notifiedAt: string | null }[];
  reports: { stage: CraStage; fields: Record<string, unknown>; sentAt: string | null }[];
  escalations: { stage: string; threshold: string; dueAt: string; at: string }[];
  steps: { step: string; ms: number | null }[];
}
