import type { CheckLinksProvider } from './check-links.js';
import type { JobQueue } from './job-queue.js';
import type { ProbeRunner } from './probe-runner.js';

/**
 * The adapters evidence from the product needs: the job queue for long runs,
 * the probe engine (null where none is installed: runs are refused) and the
 * content's check links.
 */
export interface EvidencePorts {
  jobs: JobQueue;
  probeRunner: ProbeRunner | null;
  checkLinks: CheckLinksProvider;
}
