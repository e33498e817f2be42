/** The CRA reporting API's shapes, as the web UI reads them: one definition, in the core. */
export type { CraCaseSummary, CraCaseView, CriteriaView } from '../../../src/core/cra/cra-case.types.js';
export type { CraStage, StageClock } from '../../../src/core/cra/cra-clocks.js';
export { EU_MEMBER_STATES } from '../../../src/core/cra/member-states.js';
