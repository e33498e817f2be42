/**
 * Reasons an uploaded document (a filled checksheet workbook, an SBOM, a
 * publisher's OSCAL catalog) is refused or warned about, one stable code per
 * kind, chosen where the reader finds it. Part of the field-error catalog
 * (errors.ts); the English text is the catalog's sentence, the reader's own
 * `message` says more for API and CLI users. Pure, no I/O.
 */
export const DOCUMENT_PROBLEM_CATALOG = {
  // Any file
  'empty-file': 'the file is empty',
  'file-too-large': 'the file is larger than accepted',
  'not-utf8': 'the file is not UTF-8 text',
  'not-json': 'is not valid JSON',
  'json-truncated': 'the JSON ends too early (truncated?)',
  'not-json-object': 'the JSON document is not an object',
  'not-xml': 'is not well-formed XML',
  'no-root-element': 'the XML document has no root element',
  'doctype-refused': 'a document type or entity declaration is refused',
  // Checksheet workbooks
  'not-xlsx': 'the file is not an xlsx workbook',
  'encrypted-workbook': 'the file is a password-protected workbook or an old .xls',
  'damaged-file': 'the file is damaged or unreadable',
  'unsafe-archive': 'the workbook unpacks to too much data or holds unsafe entries',
  'no-items-sheet': 'the workbook has no checksheet sheet',
  'wrong-header': 'the column header is not the expected one',
  'formula-without-value': 'holds a formula without a calculated value',
  'row-without-number': 'the row has no 項番, so its answer belongs to no item',
  'unknown-requirement-id': 'the requirement id is not in this checksheet',
  'number-mismatch': "項番 does not match the row's requirement id",
  'unknown-number': 'the 項番 is not in this checksheet',
  'duplicate-item-row': 'the item appears on more than one row',
  'not-a-verdict': 'is not a verdict',
  'not-a-defect-kind': 'does not start with a kind of flag',
  'defect-note-missing': 'the flag has no note',
  'format-too-new': 'the workbook format is newer than this tebiki reads',
  'more-not-listed': 'more problems not listed',
  'item-changed': 'the item has changed since the workbook was exported',
  'item-without-row': 'the item has no row in the workbook; its answer is left as it is',
  'no-meta-sheet': 'the workbook has no _tebiki sheet, so its edition cannot be checked',
  'other-edition': 'the workbook was exported from another edition',
  'other-assessment': 'the workbook was exported from another assessment',
  // SBOMs
  'not-sbom': 'is not an SBOM tebiki reads (CycloneDX JSON or XML, SPDX 2.3 JSON or tag-value)',
  'spdx3-unsupported': 'SPDX 3 (JSON-LD) is not read',
  'unsupported-version': 'this version of the format is not read',
  'not-cyclonedx-xml': 'the XML root is not a CycloneDX <bom>',
  'not-tag-value': 'the line is not "Tag: value"',
  'unclosed-text': '<text> is not closed by </text>',
  'no-alternative-matches': 'matches none of the shapes the schema allows',
  'duplicate-ref': 'the ref is used by more than one component',
  'not-purl': 'is not a package URL',
  'wrong-hash-length': 'the hash value has the wrong length',
  'undefined-ref': 'names a ref the document does not define',
  'not-a-date': 'is not a date and time',
  // Publishers' OSCAL catalogs
  'no-catalog': 'the document has no catalog',
  'no-controls': 'the catalog has no controls',
  'not-in-standard': "the catalog's requirement is not in the standard",
  'not-in-catalog': "the standard's requirement is not in the catalog",
} as const;

/** Where in a text a parser stopped. */
const AT_LINE_AND_COLUMN = ['line', 'column'] as const;

/**
 * The parameters each coded reason carries for the UI's own sentence (the bad
 * value, the allowed ones, the ids that disagree). A reason is raised with all
 * of them (`reason()` in errors.ts); a UI shows its plain sentence when one is
 * missing. Codes not named here carry none.
 */
export const FIELD_ERROR_PARAMS = {
  required: ['field'],
  'wrong-type': ['expected'],
  'not-allowed': ['allowed'],
  'bad-format': ['expected'],
  'too-long': ['limit'],
  'too-short': ['limit'],
  'too-few': ['limit'],
  'too-many': ['limit'],
  'too-small': ['limit'],
  'too-large': ['limit'],
  'unknown-field': ['field'],
  'file-too-large': ['bytes', 'limit'],
  'not-json': AT_LINE_AND_COLUMN,
  'json-truncated': AT_LINE_AND_COLUMN,
  'not-xml': AT_LINE_AND_COLUMN,
  'doctype-refused': AT_LINE_AND_COLUMN,
  'no-items-sheet': ['sheet'],
  'wrong-header': ['expected', 'found'],
  'unknown-requirement-id': ['id'],
  'number-mismatch': ['value', 'id', 'no'],
  'unknown-number': ['value'],
  'duplicate-item-row': ['no', 'firstRow'],
  'not-a-verdict': ['value', 'allowed'],
  'not-a-defect-kind': ['value', 'allowed'],
  'defect-note-missing': ['kind'],
  'format-too-new': ['version', 'supported'],
  'more-not-listed': ['count'],
  'item-changed': ['no', 'row'],
  'item-without-row': ['no'],
  'other-edition': ['found', 'expected'],
  'other-assessment': ['found', 'expected'],
  'unsupported-version': ['value', 'supported'],
  'not-tag-value': ['line'],
  'unclosed-text': ['line'],
  'duplicate-ref': ['ref'],
  'not-purl': ['value'],
  'wrong-hash-length': ['alg', 'digits'],
  'undefined-ref': ['ref'],
  'not-a-date': ['value'],
  'not-in-standard': ['id', 'standard'],
  'not-in-catalog': ['id', 'standard'],
} as const;
