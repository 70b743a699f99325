// Conformance (thresholds): one threshold fails → k6 exits 99 after running to the end,
// and handleSummary sees it with ok=false.
import { Trend } from 'k6/metrics';

const size = new Trend('conf_size');

export const options = {
  scenarios: { once: { executor: 'per-vu-iterations', vus: 1, iterations: 4 } },
  thresholds: { conf_size: ['max<100', 'p(95)<3'] },
};

export default function () {
  size.add(__ITER + 1);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_OUT]: JSON.stringify(data) };
}
