// k6 docs (executors/constant-vus): `vus` VUs loop for `duration`; with a 100 ms sleep per
// iteration two VUs make about 2 × 10 iterations per second.
import http from 'k6/http';
import { sleep } from 'k6';

export const options = {
  scenarios: {
    steady: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '1s' },
  },
};

export default function () {
  http.get(`${__ENV.BASE_URL}/fast`);
  sleep(0.1);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
