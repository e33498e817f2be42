import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseElf } from '../../src/firmware/elf/elf-parser.js';
import { hardeningOf, hardeningProblems } from '../../src/firmware/elf/elf-hardening.js';
import { checksec, checksecInstalled, compile, compilersForTests, HARDENED, UNHARDENED } from '../helpers/firmware-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('tebiki-elf-');
const compilers = compilersForTests();
const hasChecksec = checksecInstalled();
afterAll(() => dir.remove());

const EXPECTED: Record<string, { bits: number; endian: string }> = {
  'x86-64': { bits: 64, endian: 'little' },
  aarch64: { bits: 64, endian: 'little' },
  mips: { bits: 32, endian: 'big' },
};

describe('ELF hardening of binaries compiled here, per architecture', () => {
  for (const c of compilers) {
    it(`${c.arch}: hardened flags give NX, PIE, full RELRO, canary and FORTIFY; no flags give none`, () => {
      const good = join(dir.path, `good-${c.arch}`);
      const bad = join(dir.path, `bad-${c.arch}`);
      compile(c.cc, HARDENED, good, dir.path);
      compile(c.cc, UNHARDENED, bad, dir.path);
      const g = hardeningOf(parseElf(readFileSync(good)));
      const b = hardeningOf(parseElf(readFileSync(bad)));
      expect({ arch: g.arch, bits: g.bits, endian: g.endian }).toEqual({ arch: c.arch, ...EXPECTED[c.arch] });
      expect(g).toMatchObject({ kind: 'pie-executable', nx: true, pie: true, relro: 'full', canary: true, fortify: true, stripped: false, rpath: null });
      expect(hardeningProblems(g)).toEqual([]);
      expect(b).toMatchObject({ kind: 'executable', nx: false, pie: false, relro: 'none', canary: false, fortify: false });
      expect(hardeningProblems(b)).toEqual(['no-nx', 'no-pie', 'no-relro', 'no-canary']);
      if (hasChecksec) {
        for (const [file, h] of [
          [good, g],
          [bad, b],
        ] as const) {
          const cs = checksec(file);
          expect({ nx: h.nx, relro: h.relro, canary: h.canary, fortify: h.fortify }).toEqual({
            nx: cs.nx === 'yes',
            relro: cs.relro === 'no' ? 'none' : cs.relro,
            canary: cs.canary === 'yes',
            fortify: cs.fortify_source === 'yes',
          });
        }
      }
    });
  }

  it('partial RELRO and RPATH are told apart', () => {
    const file = join(dir.path, 'partial');
    compile('gcc', ['-O2', '-fPIE', '-pie', '-Wl,-z,relro,-z,lazy', '-Wl,--disable-new-dtags,-rpath,/opt/vendor/lib'], file, dir.path);
    const h = hardeningOf(parseElf(readFileSync(file)));
    expect(h.relro).toBe('partial');
    expect(h.rpath).toBe('/opt/vendor/lib');
    expect(hardeningProblems(h)).toContain('rpath');
  });

  it('a truncated ELF is an error naming the offset, not a crash', () => {
    const file = join(dir.path, 'good-x86-64');
    const bytes = readFileSync(file).subarray(0, 200);
    expect(() => parseElf(bytes)).toThrow(/outside the file/);
  });
});
