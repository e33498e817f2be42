/** The parts of @secvisogram/csaf-validator-lib (plain JavaScript, no types) that tebiki uses. */
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  export interface CsafTestResult {
    name: string;
    isValid: boolean;
    errors: { instancePath: string; message: string }[];
  }
  export type CsafDocumentTest = (doc: unknown) => unknown;
  export default function validateStrict(tests: CsafDocumentTest[], document: unknown): Promise<{ isValid: boolean; tests: CsafTestResult[] }>;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  const tests: Record<string, CsafDocumentTest>;
  export = tests;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  export const csaf_2_0_strict: CsafDocumentTest;
}
