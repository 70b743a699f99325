// k6 docs (thresholds, "tags in thresholds"): a threshold on `metric{tag:value}` sees only
// samples carrying that tag — system tags (status, name, method, expected_response) and
// request tags alike; http_req_failed follows expectedStatuses.
import http from 'k6/http';
import { Counter } from 'k6/metrics';

const tagged = new Counter('conformance_tagged');

export const options = {
  iterations: 1,
  thresholds: {
    'http_reqs{kind:slow}': ['count==2'],
    'http_reqs{status:404}': ['count==1'],
    'http_reqs{method:POST}': ['count==1'],
    'http_req_failed{kind:fast}': ['rate==0'],
    'http_reqs{expected_response:false}': ['count==1'],
    'conformance_tagged{colour:blue}': ['count==3'],
  },
};

export default function () {
  http.get(`${__ENV.BASE_URL}/slow?ms=10`, { tags: { kind: 'slow' } });
  http.get(`${__ENV.BASE_URL}/slow?ms=10`, { tags: { kind: 'slow' } });
  http.post(`${__ENV.BASE_URL}/fast`, JSON.stringify({ a: 1 }), {
    headers: { 'Content-Type': 'application/json' },
    tags: { kind: 'fast' },
  });
  http.get(`${__ENV.BASE_URL}/nowhere`);
  // 201 is expected here, so this request does not count as failed.
  http.get(`${__ENV.BASE_URL}/status/201`, { responseCallback: http.expectedStatuses(201) });
  tagged.add(1, { colour: 'blue' });
  tagged.add(2, { colour: 'blue' });
  tagged.add(5, { colour: 'red' });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
