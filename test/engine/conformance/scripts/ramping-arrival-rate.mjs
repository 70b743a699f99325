// k6 docs (executors/ramping-arrival-rate): the rate moves linearly between stages —
// 0→20/s over 1 s then 20/s for 1 s starts about 10 + 20 = 30 iterations.
import http from 'k6/http';

export const options = {
  scenarios: {
    ramp: {
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnit: '1s',
      preAllocatedVUs: 3,
      maxVUs: 10,
      stages: [
        { target: 20, duration: '1s' },
        { target: 20, duration: '1s' },
      ],
    },
  },
};

export default function () {
  http.get(`${__ENV.BASE_URL}/fast`);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
