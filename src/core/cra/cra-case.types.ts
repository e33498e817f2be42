/**
 * What the API shows of CRA reporting: shared by the services and the web UI
 * (plain types, no code beyond the criteria kinds).
 */
import type { CraCaseKind, CraStage, StageClock } from './cra-clocks.js';

export interface CraContactView {
  userId: string;
  displayName: string;
  email: string;
  role: 'owner' | 'deputy';
}

export const CRITERIA_KINDS = ['exploited', 'severe-incident'] as const;
export type CriteriaKind = (typeof CRITERIA_KINDS)[number];

export interface CriteriaView {
  id: string;
  kind: CriteriaKind;
  version: number;
  items: { ja: string; en: string }[];
  createdAt: string;
}

/** What the API shows of a CRA reporting case. */
export interface CraCaseSummary {
  id: string;
  organisationId: string;
  productId: string;
  productName: string;
  kind: CraCaseKind;
  drill: boolean;
  status: 'proposed' | 'open' | 'closed';
  origin: 'manual' | 'matched' | 'kev';
  title: string;
  vulnerabilityId: string | null;
  awareAt: string;
  clocks: StageClock[];
  urgent: StageClock | null;
}

export interface CraReportView {
  stage: CraStage;
  fields: Record<string, unknown>;
  updatedAt: string;
  sentAt: string | null;
  sentBy: string | null;
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
  contacts: (CraContactView & { notifiedAt: string | null })[];
  reports: CraReportView[];
  escalations: { stage: string; threshold: string; dueAt: string; at: string }[];
  /** Milliseconds from awareness to each step: the record a drill leaves. */
  steps: { step: string; ms: number | null }[];
}
