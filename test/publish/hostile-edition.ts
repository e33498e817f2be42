import type { Edition, Localized } from '../../src/core/model/edition.schema.js';
import { edition, item, node, standard } from '../helpers/mini-edition.js';

/** Strings an attacker (or a careless editor) could put into content. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '</title><script>alert(1)</script>',
  '</style><script>alert(1)</script>',
  'javascript:alert(1)',
  '&lt;already escaped&gt; &amp; &#x3C;',
  '<!-- --><![CDATA[ ]]>',
  '\u2028\u2029 line separators',
  '認証<b>太字</b>＆”全角”',
];

/** A marker the browser test searches for; the rest of the text is hostile markup. */
export const HOSTILE_TITLE = '認証XSS<img src=x onerror="window.__pwned=1">';

const both = (s: string): Localized => ({ ja: s, en: s });

/**
 * A small edition with hostile text in every field a page shows: titles,
 * criteria, numbers, standard node ids, glossary terms, reasons, changelog.
 * Rendered correctly, all of it appears as text and none of it as markup.
 */
export function hostileEdition(): Edition {
  const std = standard(
    'std',
    [
      node('G<1>', 'group', {
        title: both(HOSTILE[1] ?? ''),
        children: [
          node('"><svg onload=alert(1)>', 'requirement', { title: both(HOSTILE[0] ?? '') }),
          node("R'2", 'requirement', { title: both(HOSTILE[2] ?? '') }),
        ],
      }),
    ],
    { title: both(HOSTILE[3] ?? ''), source: HOSTILE[4] ?? '', conditions: { c1: both(HOSTILE[5] ?? '') } },
  );
  const e = edition({
    requirements: [
      item('hostile-item', '<b>1</b>', {
        title: both(HOSTILE_TITLE),
        criteria: HOSTILE.map(both),
        interpretation: [{ attack: both(HOSTILE[1] ?? ''), countermeasures: [both(HOSTILE[9] ?? '')] }],
        verification: { methods: ['test'], steps: [both(`${HOSTILE[0]} <i>認証</i>`)] },
        references: [{ type: 'other', id: HOSTILE[0] ?? '', note: both(HOSTILE[1] ?? '') }],
        terms: ['evil-term'],
        maps: [['std', '"><svg onload=alert(1)>', 'equivalent-to']],
      }),
    ],
    glossary: [
      {
        id: 'evil-term',
        term: both('<i>認証</i>'),
        reading: 'にんしょう',
        definition: both(HOSTILE[1] ?? ''),
        related: [],
        industryUsage: [{ industry: both(HOSTILE[0] ?? ''), usage: both(HOSTILE[2] ?? '') }],
      },
    ],
    standards: [std],
    outOfScope: [{ standard: 'std', declarations: [{ requirement: "R'2", reason: both(HOSTILE[7] ?? '') }] }],
  });
  e.meta.title = both(HOSTILE[3] ?? '');
  e.meta.changelog = [{ date: '2099-01-01', text: both(HOSTILE[0] ?? '') }];
  e.taxonomy.layers = e.taxonomy.layers.map((l) => ({ ...l, label: both(`${HOSTILE[1]}${l.id}`) }));
  return e;
}
