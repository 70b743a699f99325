// Conformance (thresholds): a failing threshold with abortOnFail stops a 30 s test
// early (k6 evaluates thresholds every 2 s, after delayAbortEval) with exit code 99.
import { sleep } from 'k6';
import { Rate } from 'k6/metrics';

const good = new Rate('conf_good');

export const options = {
  scenarios: { steady: { executor: 'constant-vus', vus: 1, duration: '30s' } },
  thresholds: { conf_good: [{ threshold: 'rate>0.5', abortOnFail: true, delayAbortEval: '1s' }] },
};

export default function () {
  good.add(false);
  sleep(0.05);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_OUT]: JSON.stringify(data) };
}
