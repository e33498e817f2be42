import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml, SafeHtml } from '../../src/reports/html.js';
import { standardAnchors } from '../../src/reports/anchors.js';
import { TermMarker } from '../../src/core/term-marks.js';
import { decodeEntities } from '../helpers/entities.js';
import { node, standard } from '../helpers/mini-edition.js';
import { HOSTILE } from './hostile-edition.js';

describe('escapeHtml', () => {
  it('leaves no character that could open a tag, an entity, or close an attribute', () => {
    for (const s of HOSTILE) {
      const out = escapeHtml(s);
      expect(out).not.toMatch(/[<>"']/);
      expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
    }
  });

  it('is reversible: decoding gives the original text back', () => {
    for (const s of HOSTILE) expect(decodeEntities(escapeHtml(s))).toBe(s);
  });

  it('escapes an existing entity again, so it shows as written', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });

  it('leaves plain Japanese and English text alone', () => {
    expect(escapeHtml('ユーザ認証の設計 / User authentication')).toBe('ユーザ認証の設計 / User authentication');
  });
});

describe('html template tag', () => {
  it('escapes every interpolation, in text and in attribute values', () => {
    for (const s of HOSTILE) {
      const out = html`<a title="${s}" href="x.html">${s}</a>`.value;
      expect(out).toBe(`<a title="${escapeHtml(s)}" href="x.html">${escapeHtml(s)}</a>`);
      expect(out.match(/</g)).toHaveLength(2);
    }
  });

  it('passes markup made by html itself through once, without escaping it twice', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>&lt;i&gt;</b></p>');
  });

  it('escapes each element of a list and renders null, undefined and false as nothing', () => {
    expect(html`<ul>${['<a>', html`<li>ok</li>`, null, undefined, false, 3]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>ok</li>3</ul>');
    expect(joinHtml(['<x>', new SafeHtml('<y>')], ', ').value).toBe('&lt;x&gt;, <y>');
  });

  it('does not trust an object that merely looks like SafeHtml', () => {
    const fake = { value: '<script>' } as unknown as string;
    expect(html`${fake}`.value).toBe('[object Object]');
  });
});

describe('glossary term marks', () => {
  const term = (id: string, ja: string, en: string) => ({ id, term: { ja, en }, definition: { ja: 'd', en: 'd' }, related: [], industryUsage: [] });
  const glossary = [
    term('authentication', '認証', 'Authentication'),
    term('certification', '第三者認証', 'Certification'),
    term('sbom', 'SBOM（ソフトウェア部品表）', 'SBOM (software bill of materials)'),
    term('log', 'ログ', 'Log'),
  ];

  it('links a term at its first occurrence on the page only', () => {
    const m = new TermMarker(glossary, ['authentication'], 'ja');
    expect(m.mark('まず認証し、次に認証する')).toEqual([{ text: 'まず' }, { text: '認証', termId: 'authentication' }, { text: 'し、次に認証する' }]);
    expect(m.mark('再び認証')).toEqual([{ text: '再び認証' }]);
  });

  it('does not link 認証 inside 第三者認証, a different concept', () => {
    const m = new TermMarker(glossary, ['authentication'], 'ja');
    expect(m.mark('第三者認証を取得する。利用者を認証する。')).toEqual([
      { text: '第三者認証を取得する。利用者を' },
      { text: '認証', termId: 'authentication' },
      { text: 'する。' },
    ]);
  });

  it('finds a term by the parts outside and inside its parentheses', () => {
    expect(new TermMarker(glossary, ['sbom'], 'ja').mark('ソフトウェア部品表を作る')[0]).toEqual({ text: 'ソフトウェア部品表', termId: 'sbom' });
    expect(new TermMarker(glossary, ['sbom'], 'en').mark('Publish an SBOM.')[1]).toEqual({ text: 'SBOM', termId: 'sbom' });
  });

  it('matches English on word boundaries, case-insensitively, with a plural', () => {
    const m = new TermMarker(glossary, ['log'], 'en');
    expect(m.mark('A login page and a catalogue')).toEqual([{ text: 'A login page and a catalogue' }]);
    expect(m.mark('Keep logs safe')).toEqual([{ text: 'Keep ' }, { text: 'logs', termId: 'log' }, { text: ' safe' }]);
  });

  it('keeps every character of the text, in order', () => {
    const m = new TermMarker(glossary, ['authentication', 'log', 'sbom'], 'ja');
    for (const s of [...HOSTILE, 'ログと第三者認証とSBOMと認証']) {
      expect(
        m
          .mark(s)
          .map((x) => x.text)
          .join(''),
      ).toBe(s);
    }
  });
});

describe('standard requirement anchors', () => {
  it('are readable, unique within a standard, and never an id the page uses itself', () => {
    const s = standard('std', [
      node('CR 1.1', 'requirement', { children: [node('CR 1.1 RE(1)', 'enhancement')] }),
      node('CR-1.1', 'requirement'),
      node('I.2(d)', 'requirement'),
      node('main', 'requirement'),
      node('<script>', 'requirement'),
      node('認証', 'requirement'),
    ]);
    const anchors = standardAnchors(s);
    expect(anchors.get('CR 1.1')).toBe('CR-1.1');
    expect(anchors.get('CR 1.1 RE(1)')).toBe('CR-1.1-RE-1');
    expect(anchors.get('CR-1.1')).toBe('CR-1.1-2');
    expect(anchors.get('I.2(d)')).toBe('I.2-d');
    expect(anchors.get('main')).toBe('main-2');
    expect(anchors.get('<script>')).toBe('script');
    expect(anchors.get('認証')).toBe('node');
    expect(new Set(anchors.values()).size).toBe(anchors.size);
    for (const a of anchors.values()) expect(a).toMatch(/^[A-Za-z0-9.-]+$/);
  });
});
