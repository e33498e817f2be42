import { Ajv } from 'ajv';
import formats from 'ajv-formats';

/**
 * The OpenVEX 0.2.0 document rules (OPENVEX-SPEC and its JSON schema, restated
 * here for the tests): required document fields, statement fields, the status
 * and justification vocabularies, not_affected with exactly one of
 * justification / impact_statement, affected with an action_statement.
 */
/** JSON Schema's `then` keyword, named so no object literal looks like a thenable. */
const THEN = 'then';

/** What names a product or a subcomponent: an IRI, identifiers (purl, CPE) and hashes. */
const COMPONENT = {
  '@id': { type: 'string', format: 'uri' },
  identifiers: {
    type: 'object',
    additionalProperties: false,
    properties: { purl: { type: 'string' }, '@cpe22': { type: 'string' }, '@cpe23': { type: 'string' } },
  },
  hashes: { type: 'object' },
};

const schema = {
  type: 'object',
  required: ['@context', '@id', 'author', 'timestamp', 'version', 'statements'],
  additionalProperties: false,
  properties: {
    '@context': { type: 'string', format: 'uri' },
    '@id': { type: 'string', format: 'uri' },
    author: { type: 'string' },
    role: { type: 'string' },
    timestamp: { type: 'string', format: 'date-time' },
    last_updated: { type: 'string', format: 'date-time' },
    version: { type: 'integer', minimum: 1 },
    tooling: { type: 'string' },
    statements: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['vulnerability', 'status'],
        additionalProperties: false,
        properties: {
          '@id': { type: 'string', format: 'uri' },
          version: { type: 'integer', minimum: 1 },
          vulnerability: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {
              '@id': { type: 'string', format: 'uri' },
              name: { type: 'string' },
              description: { type: 'string' },
              aliases: { type: 'array', uniqueItems: true, items: { type: 'string' } },
            },
          },
          timestamp: { type: 'string', format: 'date-time' },
          last_updated: { type: 'string', format: 'date-time' },
          products: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                ...COMPONENT,
                subcomponents: { type: 'array', items: { type: 'object', additionalProperties: false, properties: COMPONENT } },
              },
            },
          },
          status: { type: 'string', enum: ['not_affected', 'affected', 'fixed', 'under_investigation'] },
          supplier: { type: 'string' },
          status_notes: { type: 'string' },
          justification: {
            type: 'string',
            enum: [
              'component_not_present',
              'vulnerable_code_not_present',
              'vulnerable_code_not_in_execute_path',
              'vulnerable_code_cannot_be_controlled_by_adversary',
              'inline_mitigations_already_exist',
            ],
          },
          impact_statement: { type: 'string' },
          action_statement: { type: 'string' },
          action_statement_timestamp: { type: 'string', format: 'date-time' },
        },
        allOf: [
          {
            if: { properties: { status: { const: 'not_affected' } } },
            [THEN]: {
              oneOf: [
                { required: ['justification'], not: { required: ['impact_statement'] } },
                { required: ['impact_statement'], not: { required: ['justification'] } },
              ],
            },
          },
          { if: { properties: { status: { const: 'affected' } } }, [THEN]: { required: ['action_statement'] } },
        ],
      },
    },
  },
};

export function openVexValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const addFormats = (formats as unknown as { default: typeof formats }).default ?? formats;
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(schema);
}
