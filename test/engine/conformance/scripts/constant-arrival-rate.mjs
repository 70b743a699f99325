// k6 docs (executors/constant-arrival-rate): iterations start at `rate` per `timeUnit`
// regardless of how long they take — 20/s for 2 s is 40 iterations, none dropped when VUs suffice.
import http from 'k6/http';

export const options = {
  scenarios: {
    open: {
      executor: 'constant-arrival-rate',
      rate: 20,
      timeUnit: '1s',
      duration: '2s',
      preAllocatedVUs: 2,
      maxVUs: 10,
    },
  },
};

export default function () {
  http.get(`${__ENV.BASE_URL}/slow?ms=150`);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
