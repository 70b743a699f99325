// k6 docs (executors/shared-iterations): `iterations` in total, shared between `vus` VUs.
import http from 'k6/http';

export const options = {
  scenarios: {
    shared: { executor: 'shared-iterations', vus: 3, iterations: 10, maxDuration: '20s' },
  },
};

export default function () {
  http.get(`${__ENV.BASE_URL}/fast?vu=${__VU}&iter=${__ITER}&env=${__ENV.MARK}`);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
