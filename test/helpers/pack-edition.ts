import type { Edition } from '../../src/core/model/edition.schema.js';
import { edition, item, node, standard } from './mini-edition.js';

/**
 * A hand-worked assessment on a small edition with the three schemes' standards.
 *
 *   item  links                                                    verdict         evidence
 *   a A-1 jc S1.1-01 equal, etsi 5.1-1 equal, cra I.2(a) superset   pass            design.pdf
 *   b A-2 jc S1.1-02 superset, etsi 5.1-2 equal                     not-applicable  (reason)
 *   c A-3 jc S1.1-04 equal, etsi 5.3-13 equal                       fail (or pass in the "complete" variant)
 *   d A-4 jc S1.1-15 intersects, etsi 5.3-2 equivalent, cra II.1 eq pass
 *   e A-5 cra I.1 equal                                             pass
 *
 * JC-STAR: 01 met, 02 not-applicable, 04 not-met (device test), 09 no items and
 * pending (unconfirmed), 15 partial evidence only (document and device test).
 * ETSI: 5.1-1 M C(1) yes; 5.1-2 M C(2) not applicable; 5.3-13 M no; 5.3-2 R yes.
 * CRA: I.1 met, I.2(a) met, II.1 met.
 */
const jc = standard('jc-star-1', [
  node('S1.1-01', 'requirement'),
  node('S1.1-02', 'requirement'),
  node('S1.1-04', 'requirement'),
  node('S1.1-09', 'requirement', { unconfirmed: true, confidence: 'recall' }),
  node('S1.1-15', 'requirement'),
]);
const etsi = standard(
  'etsi-en-303-645',
  [
    node('5.1', 'group', {
      children: [
        node('5.1-1', 'provision', { status: 'mandatory', conditions: ['1'] }),
        node('5.1-2', 'provision', { status: 'mandatory', conditions: ['2'] }),
      ],
    }),
    node('5.3', 'group', { children: [node('5.3-13', 'provision', { status: 'mandatory' }), node('5.3-2', 'provision', { status: 'recommended' })] }),
  ],
  { conditions: { '1': { ja: 'パスワードを使う', en: 'Passwords are used' }, '2': { ja: '初期パスワード', en: 'Pre-installed passwords' } } },
);
const cra = standard('eu-cra-annex-i', [
  node('Part I', 'group', { children: [node('I.1', 'requirement'), node('I.2', 'group', { children: [node('I.2(a)', 'requirement')] })] }),
  node('Part II', 'group', { children: [node('II.1', 'requirement')] }),
]);
export const PACK_EDITION: Edition = edition({
  meta: { id: '2099.7', title: { ja: 'パック試験版', en: 'Pack test edition' }, status: 'published', date: '2099-01-01', changelog: [] },
  standards: [jc, etsi, cra],
  requirements: [
    item('a', 'A-1', {
      maps: [
        ['jc-star-1', 'S1.1-01', 'equal-to'],
        ['etsi-en-303-645', '5.1-1', 'equal-to'],
        ['eu-cra-annex-i', 'I.2(a)', 'superset-of'],
      ],
    }),
    item('b', 'A-2', {
      maps: [
        ['jc-star-1', 'S1.1-02', 'superset-of'],
        ['etsi-en-303-645', '5.1-2', 'equal-to'],
      ],
    }),
    item('c', 'A-3', {
      maps: [
        ['jc-star-1', 'S1.1-04', 'equal-to'],
        ['etsi-en-303-645', '5.3-13', 'equal-to'],
      ],
    }),
    item('d', 'A-4', {
      maps: [
        ['jc-star-1', 'S1.1-15', 'intersects-with'],
        ['etsi-en-303-645', '5.3-2', 'equivalent-to'],
        ['eu-cra-annex-i', 'II.1', 'equal-to'],
      ],
    }),
    item('e', 'A-5', { maps: [['eu-cra-annex-i', 'I.1', 'equal-to']] }),
  ],
});
