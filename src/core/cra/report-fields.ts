/**
 * A CRA report's fields before anything is written in them: every text empty,
 * the malicious-suspicion question unanswered, not marked sensitive. A form
 * sends these with what the user filled in over them.
 */
export const BLANK_REPORT_FIELDS = {
  nature: '',
  measures: '',
  userMeasures: '',
  severity: '',
  maliciousActor: '',
  rootCause: '',
  suspectedMalicious: null,
  sensitive: false,
} as const;
