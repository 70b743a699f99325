export { runJob, type JobResult } from './run-job.js';
export { Progress } from './progress.js';
export { formatSummary, summaryEvent, type JobOutcome } from './console-summary.js';
