/**
 * The port through which services run device probes. The network adapter lives in
 * src/probes (it implements this interface); services, jobs and tests depend only on it.
 */
import type { Finding } from '../../core/evidence/finding.types.js';

export interface ProbeProgress {
  done: number;
  total: number;
  /** One line for a person, e.g. "tls.certificate 127.0.0.1:8443". */
  message: string;
}

export interface ProbeRunRequest {
  /** The scope file's text (YAML or JSON), exactly as uploaded or read. */
  scopeText: string;
  /** Its file name, for error messages and for resolving a relative `trustedCa` path (CLI only). */
  scopeFileName: string;
  /** Run only these check ids (all when absent). */
  only?: readonly string[];
  signal: AbortSignal;
  onProgress: (progress: ProbeProgress) => void;
}

export interface ProbeRunOutcome {
  scope: { name: string; sha256: string; authorisedBy: string };
  startedAt: string;
  finishedAt: string;
  findings: Finding[];
}

export interface ProbeRunner {
  /**
   * Runs the probes inside the scope. Throws a DomainError (core/errors.ts) when the
   * scope is invalid, the run is outside its window or nothing is in scope.
   */
  run(request: ProbeRunRequest): Promise<ProbeRunOutcome>;
}
