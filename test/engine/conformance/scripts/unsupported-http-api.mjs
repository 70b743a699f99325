// Runs on k6 (which implements these); the local engine refuses the request params
// `cookies` / `auth` and Response.html() at start with HARNESS_ERR_ENGINE_UNSUPPORTED.
import http from 'k6/http';

export const options = { iterations: 1 };

export default function () {
  const res = http.get(`${__ENV.BASE_URL}/fast`, { cookies: { session: 'x' } });
  http.get(`${__ENV.BASE_URL}/fast`, { auth: 'basic' });
  res.html();
}
