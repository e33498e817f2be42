export interface CsafProblem {
  test: string;
  path: string;
  message: string;
}

type Validator = (document: unknown) => Promise<CsafProblem[]>;
let validator: Promise<Validator> | undefined;

/**
 * The BSI validator compiles its JSON schemas when its modules load (seconds of
 * CPU): loaded on the first validation, never at server start.
 */
function loadValidator(): Promise<Validator> {
  validator ??= Promise.all([
    import('@secvisogram/csaf-validator-lib/mandatoryTests.js'),
    import('@secvisogram/csaf-validator-lib/schemaTests.js'),
    import('@secvisogram/csaf-validator-lib/validateStrict.js'),
  ]).then(([mandatory, schemas, strict]) => async (document: unknown) => {
    const tests = [schemas.csaf_2_0_strict, ...Object.values(mandatory).filter((t) => typeof t === 'function')];
    const result = await strict.default(tests, document);
    return result.tests.flatMap((t) => t.errors.map((e) => ({ test: t.name, path: e.instancePath, message: e.message })));
  });
  return validator;
}

/** Runs the CSAF 2.0 strict schema and every mandatory test (section 6.1) of the BSI validator. */
export async function csafMandatoryProblems(document: unknown): Promise<CsafProblem[]> {
  return (await loadValidator())(document);
}
