/**
 * fw.permissions, from the modes and owners the image records (not those on
 * the work folder): world-writable files and folders (sticky folders like /tmp
 * excepted), setuid/setgid binaries, boot scripts not owned by root.
 */
import type { Finding } from '../../core/evidence/finding.types.js';
import type { ManifestEntry } from '../unpack/unpack.types.js';
import { type CheckContext, checkFindings } from './check-context.js';

const INIT_SCRIPT = /^\/etc\/(inittab|rc\.local|rcS|init\.d\/|rc\.d\/|rc[0-6S]\.d\/|systemd\/system\/)/;

export type PermissionProblem = 'world-writable' | 'setuid' | 'setgid' | 'init-script-not-root';

export function permissionsCheck(ctx: CheckContext): Finding[] {
  const findings = checkFindings('fw.permissions', ctx.at);
  for (const e of ctx.image.entries.values()) {
    const problems = problemsOf(e);
    if (problems.length === 0) continue;
    findings.add(
      e.path,
      'fail',
      { ja: `権限の問題: ${problems.join(', ')}`, en: `permission problems: ${problems.join(', ')}` },
      { mode: `0${e.mode.toString(8)}`, uid: e.uid, gid: e.gid, type: e.type, problems },
    );
  }
  return findings.orAtRoot('pass', { ja: '権限の問題は見つかりません', en: 'No permission problem found' }, { entries: ctx.image.entries.size });
}

export function problemsOf(e: ManifestEntry): PermissionProblem[] {
  if (e.type === 'symlink') return [];
  const problems: PermissionProblem[] = [];
  const sticky = (e.mode & 0o1000) !== 0;
  if ((e.mode & 0o002) !== 0 && (e.type === 'file' || (e.type === 'dir' && !sticky))) problems.push('world-writable');
  if (e.type === 'file' && (e.mode & 0o4000) !== 0) problems.push('setuid');
  if (e.type === 'file' && (e.mode & 0o2000) !== 0) problems.push('setgid');
  if (e.type === 'file' && INIT_SCRIPT.test(e.path) && e.uid !== 0) problems.push('init-script-not-root');
  return problems;
}
