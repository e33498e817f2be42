import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { currentProcess, formatProcess, parseProcess, processIdentityOf, processIsGone } from '../../src/jobs/process-identity.js';

/**
 * How a starting server tells that the process owning a job is gone (the
 * crash test in test/trust/crash-consistency.test.ts shows it end to end):
 * only a process of this machine and PID namespace is judged; a live one never
 * counts as gone, a killed one does, one elsewhere is left to its heartbeat.
 */
describe.runIf(currentProcess() !== null)('process identity of a queue instance', () => {
  it('a live process is not gone; once killed it is, even if its PID were reused', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const recorded = formatProcess(processIdentityOf(child.pid as number));
    expect(recorded).not.toBeNull();
    expect(processIsGone(recorded)).toBe(false);
    expect(processIsGone(formatProcess(currentProcess()))).toBe(false);
    child.kill('SIGKILL');
    await exited;
    expect(processIsGone(recorded)).toBe(true);
    // Same PID, another start time: a process started later under a reused PID.
    const own = currentProcess();
    if (!own) throw new Error('no identity');
    expect(processIsGone(formatProcess({ ...own, startTicks: String(Number(own.startTicks) + 1) }))).toBe(true);
  });

  it('a process of another machine boot or container, or an unknown one, is never judged gone here', () => {
    const own = currentProcess();
    if (!own) throw new Error('no identity');
    const missingPid = 2 ** 22 + 7;
    expect(processIsGone(formatProcess({ ...own, bootId: 'another-boot', pid: missingPid }))).toBe(false);
    expect(processIsGone(formatProcess({ ...own, pidNamespace: 'pid:[1]', pid: missingPid }))).toBe(false);
    expect(processIsGone(formatProcess({ ...own, pid: missingPid }))).toBe(true);
    expect(processIsGone(null)).toBe(false);
    expect(processIsGone('something else')).toBe(false);
    expect(parseProcess(formatProcess(own))).toEqual(own);
  });
});
