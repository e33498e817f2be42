import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importOscalCatalog } from '../../src/content/oscal/import-catalog.js';
import type { InputProblem } from '../../src/content/oscal/read-oscal-document.js';
import { readPublisherText } from '../../src/content/oscal/read-publisher-text.js';
import { checkPrototypesAfterEach, hostileValue, mutatedJson, mutatedText, RUNS, xmlNoise } from './hostile-arbitraries.js';

checkPrototypesAfterEach();

/**
 * OSCAL catalogs (JSON and XML) from outside: whatever the bytes, the catalog
 * import and the publisher-text reader answer with problems naming a place
 * (a JSON pointer or file:line:column), never throw, never return a part.
 */
const CATALOG = {
  catalog: {
    uuid: '00000000-0000-4000-8000-000000000001',
    metadata: { title: 'Hostile test catalog', version: '1.0', 'oscal-version': '1.1.2', parties: [{ name: 'Test publisher' }] },
    groups: [
      {
        id: 'ac',
        title: 'Access control',
        controls: [
          {
            id: 'ac-1',
            title: 'Policy',
            props: [{ name: 'label', value: 'AC-1' }],
            params: [{ id: 'ac-1_prm_1', label: 'frequency' }],
            parts: [{ id: 'ac-1_smt', name: 'statement', prose: 'Review the policy every {{ insert: param, ac-1_prm_1 }}.' }],
            controls: [{ id: 'ac-1.1', title: 'Enhancement', props: [{ name: 'label', value: 'AC-1(1)' }] }],
          },
          { id: 'ac-2', title: 'Withdrawn', props: [{ name: 'status', value: 'withdrawn' }], links: [{ href: '#ac-1', rel: 'moved-to' }] },
        ],
      },
    ],
  },
};

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="00000000-0000-4000-8000-000000000001">
  <metadata><title>Hostile test catalog</title><version>1.0</version><oscal-version>1.1.2</oscal-version>
    <party uuid="00000000-0000-4000-8000-000000000002" type="organization"><name>Test publisher</name></party></metadata>
  <group id="ac"><title>Access control</title>
    <control id="ac-1"><title>Policy</title><prop name="label" value="AC-1"/>
      <param id="ac-1_prm_1"><label>frequency</label></param>
      <part id="ac-1_smt" name="statement"><p>Review the policy every <insert type="param" id-ref="ac-1_prm_1"/>.</p>
        <part id="ac-1_smt.a" name="item"><p>and <em>record</em> it &amp; keep it.</p></part></part>
      <control id="ac-1.1"><title>Enhancement</title><prop name="label" value="AC-1(1)"/></control>
    </control>
    <control id="ac-2"><title>Withdrawn</title><prop name="status" value="withdrawn"/><link href="#ac-1" rel="moved-to"/></control>
  </group>
</catalog>
`;

type Read = { ok: true } | { ok: false; problems: InputProblem[] };

/** Never throws; a refusal lists at least one problem, each naming a place and saying what is wrong. */
function expectPlaced(read: () => Read) {
  const result = read();
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.where, JSON.stringify(p)).toMatch(/^(\/|[\w.-]+:\d+:\d+$|[\w.-]+$)/);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

const both = (text: string, name: string) => {
  expectPlaced(() => importOscalCatalog(text, name));
  expectPlaced(() => readPublisherText(text, name));
};

describe('OSCAL import of hostile catalogs', () => {
  it('the unmutated samples are read (so the mutations start from a valid catalog)', () => {
    expect(importOscalCatalog(JSON.stringify(CATALOG), 'c.json').ok).toBe(true);
    expect(importOscalCatalog(XML, 'c.xml').ok).toBe(true);
    expect(readPublisherText(XML, 'c.xml').ok).toBe(true);
  });

  it('JSON: a valid catalog with values replaced by hostile ones', () => {
    fc.assert(
      fc.property(mutatedJson(CATALOG), (doc) => both(JSON.stringify(doc) ?? 'undefined', 'c.json')),
      { numRuns: RUNS * 3 },
    );
  });

  it('JSON: cut, spliced and garbled text', () => {
    fc.assert(
      fc.property(mutatedText(JSON.stringify(CATALOG, null, 1)), (text) => both(text, 'c.json')),
      { numRuns: RUNS * 2 },
    );
  });

  it('XML: cut, spliced and garbled text', () => {
    fc.assert(
      fc.property(mutatedText(XML, xmlNoise), (text) => both(text, 'c.xml')),
      { numRuns: RUNS * 3 },
    );
  });

  it('XML: elements and attributes with arbitrary names and contents in place of the catalog', () => {
    const name = fc.constantFrom('catalog', 'metadata', 'title', 'group', 'control', 'prop', 'part', 'param', 'p', 'insert', 'link', 'x', 'a:b');
    const attr = fc.tuple(fc.constantFrom('id', 'name', 'value', 'href', 'id-ref', 'type', 'class', 'xmlns'), fc.string({ maxLength: 8 }));
    const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc
        .tuple(name, fc.array(attr, { maxLength: 3 }), fc.array(fc.oneof(fc.string({ maxLength: 10 }), tie('node')), { maxLength: 4 }))
        .map(([n, attrs, kids]) => {
          const a = attrs.map(([k, v]) => ` ${k}="${v.replace(/[<&"]/g, '')}"`).join('');
          const uniq = [...new Map(attrs.map(([k]) => [k, a])).keys()].length === attrs.length ? a : '';
          return `<${n}${uniq}>${kids.map((k) => (k.startsWith('<') ? k : k.replace(/[<&]/g, ''))).join('')}</${n}>`;
        }),
    })).node;
    fc.assert(
      fc.property(tree, (body) => both(`<?xml version="1.0"?><catalog>${body}</catalog>`, 'c.xml')),
      { numRuns: RUNS * 2 },
    );
  });

  it('any text at all', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          hostileValue.map((v) => JSON.stringify(v) ?? ''),
        ),
        (text) => both(text, 'c.json'),
      ),
      { numRuns: RUNS * 2 },
    );
  });
});

describe('XML entity expansion is refused by the OSCAL readers', () => {
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE catalog [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<catalog><metadata><title>&lol9;</title></metadata><control id="c-1"/></catalog>`;
  const external = `<?xml version="1.0"?>\n<!DOCTYPE catalog [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<catalog><metadata><title>&xxe;</title></metadata><control id="c-1"/></catalog>`;
  const parameter = `<?xml version="1.0"?>\n<!DOCTYPE catalog [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>\n<catalog/>`;
  const publicDtd = `<?xml version="1.0"?>\n<!doctype catalog PUBLIC "-//x//y" "http://127.0.0.1:9/catalog.dtd">\n<catalog/>`;

  for (const [name, xml] of [
    ['billion laughs', laughs],
    ['an external entity (XXE)', external],
    ['a parameter entity', parameter],
    ['an external DTD (lower-case doctype)', publicDtd],
  ] as const) {
    it(`${name}: refused at the DOCTYPE's line and column, by the import and by the publisher-text reader`, () => {
      for (const read of [importOscalCatalog(xml, 'evil.xml'), readPublisherText(xml, 'evil.xml')]) {
        expect(read.ok).toBe(false);
        if (read.ok) continue;
        expect(read.problems).toEqual([
          { where: 'evil.xml:2:1', message: expect.stringMatching(/DOCTYPE\) is refused/), code: 'doctype-refused', params: { line: 2, column: 1 } },
        ]);
      }
    });
  }
});
