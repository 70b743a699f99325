// Conformance (thresholds): a tag-filtered threshold (a sub-metric) counts only the
// samples whose tags match all its filters. /api/fast answers at once, /api/slow after
// ~300 ms; the whole http_req_duration would fail max<200, its {endpoint:fast} part passes.
import http from 'k6/http';
import { Trend } from 'k6/metrics';

const work = new Trend('conf_work');

export const options = {
  scenarios: { once: { executor: 'per-vu-iterations', vus: 1, iterations: 3 } },
  thresholds: {
    'http_req_duration{endpoint:fast}': ['max<200'],
    'http_req_duration{endpoint:slow}': ['min>=250'],
    'conf_work{kind:a,phase:x}': ['max==1'],
  },
};

export default function () {
  http.get(`${__ENV.BASE_URL}/api/fast`, { tags: { endpoint: 'fast' } });
  http.get(`${__ENV.BASE_URL}/api/slow`, { tags: { endpoint: 'slow' } });
  work.add(1, { kind: 'a', phase: 'x' });
  work.add(50, { kind: 'a' });
  work.add(70, { kind: 'b', phase: 'x' });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_OUT]: JSON.stringify(data) };
}
