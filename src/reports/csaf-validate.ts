import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js';
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js';

export interface CsafProblem {
  test: string;
  path: string;
  message: string;
}

/** Runs the CSAF 2.0 strict schema and every mandatory test (section 6.1) of the BSI validator. */
export async function csafMandatoryProblems(document: unknown): Promise<CsafProblem[]> {
  const result = await validateStrict([csaf_2_0_strict, ...Object.values(mandatory)], document);
  return result.tests.flatMap((t) => t.errors.map((e) => ({ test: t.name, path: e.instancePath, message: e.message })));
}
