/**
 * One firmware analysis: unpack the image (or read a folder) into a private
 * work folder, run every fw.* check, derive the SBOM, delete the extracted
 * tree, keep the findings. The adapter the services call (files in, findings out).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Finding } from '../core/evidence/finding.types.js';
import { accountsCheck } from './checks/accounts.check.js';
import { bootServicesCheck } from './checks/boot-services.check.js';
import type { CheckContext, DeclaredDefaults } from './checks/check-context.js';
import { componentsCheck, type FirmwareComponent } from './checks/components.check.js';
import { type BinaryRow, elfHardeningCheck } from './checks/elf-hardening.check.js';
import { keysCheck } from './checks/keys.check.js';
import { permissionsCheck } from './checks/permissions.check.js';
import { secretsCheck } from './checks/secrets.check.js';
import type { FirmwareImage } from './firmware-image.js';
import { firmwareSbom } from './sbom.js';
import { unpackImage } from './unpack/unpack.js';
import type { Budget, ManifestEntry, Progress, Unsupported } from './unpack/unpack.types.js';
import { walkDir } from './unpack/walk-dir.js';

export interface AnalyseOptions {
  /** Parent of the private work folder (default: the system temp folder). */
  workParent?: string;
  defaults?: DeclaredDefaults;
  budget?: Partial<Budget>;
  progress?: Progress;
  signal?: AbortSignal;
}

export interface FirmwareAnalysis {
  run: { id: string; startedAt: string; finishedAt: string };
  image: { name: string; sha256: string; format: string; size: number };
  files: number;
  manifest: ManifestEntry[];
  findings: Finding[];
  binaries: BinaryRow[];
  components: FirmwareComponent[];
  unsupported: Unsupported[];
  /** CycloneDX 1.6 JSON. */
  sbom: string;
}

export async function analyseFirmware(input: string, options: AnalyseOptions = {}): Promise<FirmwareAnalysis> {
  const startedAt = new Date().toISOString();
  const progress = options.progress ?? (() => {});
  const path = resolve(input);
  const isDir = statSync(path).isDirectory();
  const work = isDir ? null : mkdtempSync(join(options.workParent ?? tmpdir(), 'tebiki-fw-'));
  try {
    progress(`reading ${basename(path)}`);
    const unpacked = work
      ? await unpackImage(path, work, {
          ...(options.budget ? { budget: options.budget } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          progress,
        })
      : { root: path, format: 'dir', entries: walkDir(path, options.budget), unsupported: [] };
    options.signal?.throwIfAborted();
    const image: FirmwareImage = { root: unpacked.root, entries: new Map(unpacked.entries.map((e) => [e.path, e])) };
    const files = unpacked.entries.filter((e) => e.type === 'file').length;
    progress(`${unpacked.format}: ${unpacked.entries.length} entries, ${files} files`);
    const ctx: CheckContext = { image, defaults: options.defaults ?? { credentials: [] }, at: startedAt };
    const findings: Finding[] = [];
    const step = <T>(name: string, fn: () => T): T => {
      options.signal?.throwIfAborted();
      progress(`check ${name}`);
      return fn();
    };
    findings.push(...step('fw.accounts', () => accountsCheck(ctx)));
    findings.push(...step('fw.private-keys', () => keysCheck(ctx)));
    findings.push(...step('fw.hardcoded-secrets', () => secretsCheck(ctx)));
    findings.push(...step('fw.boot-services', () => bootServicesCheck(ctx)));
    const elf = step('fw.elf-hardening', () => elfHardeningCheck(ctx));
    findings.push(...elf.findings);
    findings.push(...step('fw.permissions', () => permissionsCheck(ctx)));
    const components = step('fw.components', () => componentsCheck(ctx));
    findings.push(...components.findings);
    const sha256 = isDir ? manifestHash(unpacked.entries) : await fileHash(path);
    const sbom = firmwareSbom({ name: basename(path), sha256, analysedAt: startedAt }, components.components);
    return {
      run: { id: randomUUID(), startedAt, finishedAt: new Date().toISOString() },
      image: { name: basename(path), sha256, format: unpacked.format, size: isDir ? 0 : statSync(path).size },
      files,
      manifest: unpacked.entries,
      findings,
      binaries: elf.binaries,
      components: components.components,
      unsupported: unpacked.unsupported,
      sbom,
    };
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A folder has no bytes of its own: hash its manifest (path, type, mode, owner, content hash). */
function manifestHash(entries: readonly ManifestEntry[]): string {
  const hash = createHash('sha256');
  for (const e of entries) hash.update(`${e.path}\0${e.type}\0${e.mode}\0${e.uid}:${e.gid}\0${e.sha256 ?? e.linkTarget ?? ''}\n`);
  return hash.digest('hex');
}
