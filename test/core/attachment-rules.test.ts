import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS, attachmentProblem, bareMediaType, contentDisposition, sanitiseFilename } from '../../src/core/assessment/attachment-rules.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('attachment rules', () => {
  it('accepts content that matches its claimed type', () => {
    expect(attachmentProblem('image/png', PNG)).toBeNull();
    expect(attachmentProblem('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]))).toBeNull();
    expect(attachmentProblem('application/pdf', Buffer.from('%PDF-1.7\n'))).toBeNull();
    expect(attachmentProblem('application/zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBeNull();
    expect(attachmentProblem('application/vnd.tcpdump.pcap', Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0]))).toBeNull();
    expect(attachmentProblem('text/plain', Buffer.from('ログ: 正常終了\n'))).toBeNull();
    expect(attachmentProblem('text/csv', Buffer.from('項番,判定\nD-1,適合\n'))).toBeNull();
    expect(attachmentProblem('application/json', Buffer.from('{"ok":true}'))).toBeNull();
  });

  it('refuses unknown types, empty and oversized files, wrong signatures and non-UTF-8 text', () => {
    expect(attachmentProblem('text/html', Buffer.from('<p>'))?.kind).toBe('unsupported-type');
    expect(attachmentProblem('image/svg+xml', Buffer.from('<svg/>'))?.kind).toBe('unsupported-type');
    expect(attachmentProblem('image/png', Buffer.alloc(0))?.kind).toBe('empty');
    expect(attachmentProblem('text/plain', Buffer.alloc(ATTACHMENT_LIMITS.maxBytes + 1, 0x41))?.kind).toBe('too-large');
    expect(attachmentProblem('image/png', Buffer.from('<script>alert(1)</script>'))?.kind).toBe('content-mismatch');
    expect(attachmentProblem('application/pdf', PNG)?.kind).toBe('content-mismatch');
    expect(attachmentProblem('text/plain', Buffer.from([0x82, 0xa0, 0xff]))?.kind).toBe('content-mismatch');
    expect(attachmentProblem('text/plain', Buffer.from('a\u0000b'))?.kind).toBe('content-mismatch');
    expect(attachmentProblem('application/json', Buffer.from('{not json'))?.kind).toBe('content-mismatch');
  });

  it('reads the media type without parameters', () => {
    expect(bareMediaType('Text/Plain; charset=UTF-8')).toBe('text/plain');
    expect(bareMediaType(undefined)).toBe('');
  });

  it.each([
    ['設計書_v2.pdf', '設計書_v2.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\写真.png', '写真.png'],
    ['.htaccess', 'htaccess'],
    ['a\u0000b\r\n"c".txt', 'a_b___c_.txt'],
    ['evil\u202Egnp.exe', 'evil_gnp.exe'],
    ['...', null],
  ])('makes a file name safe (last path segment, no controls or reserved characters, no leading dots): %j becomes %j', (name, safe) => {
    expect(sanitiseFilename(name)).toBe(safe);
  });

  it('bounds a safe file name, keeping its extension', () => {
    const long = sanitiseFilename(`${'あ'.repeat(300)}.pdf`) ?? '';
    expect([...long].length).toBe(ATTACHMENT_LIMITS.filename);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('names downloads with an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('報告書 (最終).pdf')).toBe(
      `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('報告書 ').replace(/ /g, '%20')}%28${encodeURIComponent('最終')}%29.pdf`,
    );
    expect(contentDisposition('log.txt')).toBe(`attachment; filename="log.txt"; filename*=UTF-8''log.txt`);
    expect(contentDisposition('写真.png')).toContain('filename="download.png"');
  });
});
