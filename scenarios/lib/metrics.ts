// Every custom metric, declared once at init so thresholds on any of them are valid in
// every bundle (k6 rejects a threshold on an undeclared metric).
import { Counter, Rate, Trend } from 'k6/metrics';

export const workflowLatency = new Trend('workflow_latency', true);
export const contractViolations = new Rate('contract_violations');

export const syncCalls = new Counter('sync_calls');
/** Credits charged, as the deployment reports them (sync creditUsage; a new background conversation's final creditUsage). */
export const creditsUsed = new Counter('credits_used');
export const serverTimeouts = new Rate('server_timeouts');
export const clientTimeouts = new Rate('client_timeouts');
export const completedAfterTimeout = new Rate('completed_after_timeout');

export const submitLatency = new Trend('submit_latency', true);
export const pollLatency = new Trend('poll_latency', true);
export const timeToCompletion = new Trend('time_to_completion', true);
export const pollsPerExecution = new Trend('polls_per_execution');
export const executionsCompleted = new Rate('executions_completed');
export const executionsFailed = new Rate('executions_failed');
export const executionsStuck = new Rate('executions_stuck');

export const continuationsKept = new Rate('continuations_kept');

/** 429/503 answers with Retry-After, and how long the VUs waited because of them (ms). */
export const retryAfterWaits = new Counter('retry_after_waits');
export const retryAfterWaitMs = new Counter('retry_after_wait_ms');
/** Time VUs waited to keep an endpoint under the target profile's maxRequestsPerSecond (ms). */
export const rateCapWaitMs = new Counter('rate_cap_wait_ms');
