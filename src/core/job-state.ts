/** Where a long job (probe run, firmware analysis, SBOM matching) stands: the queue's states, as the API shows them. */
export const JOB_STATES = ['queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted'] as const;
export type JobState = (typeof JOB_STATES)[number];
