// k6 docs (options.maxRedirects, params.redirects): k6 follows up to 10 redirects by default,
// each hop a request of its own; 303 (and 301/302 after POST) continue as GET, while
// res.request stays the original request (k6 v2.2.0).
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default function () {
  const followed = http.get(`${__ENV.BASE_URL}/redirect?to=/json`);
  check(followed, {
    'followed to /json': (r) =>
      r.status === 200 && r.url.endsWith('/json') && r.json('conversationId') === 'c-1',
  });
  const seeOther = http.post(`${__ENV.BASE_URL}/redirect?status=303&to=/fast%3Fvia%3D303`, 'x=1');
  // The server sees a GET (the test asserts it); res.request stays the request the script made.
  check(seeOther, {
    '303 continues as GET': (r) =>
      r.status === 200 &&
      r.url.endsWith('/fast?via=303') &&
      r.request.method === 'POST' &&
      r.request.url.includes('/redirect?status=303') &&
      r.request.body === 'x=1',
  });
  const kept = http.get(`${__ENV.BASE_URL}/redirect?to=/fast`, { redirects: 0 });
  check(kept, { 'redirects: 0 returns the 302': (r) => r.status === 302 && r.headers.Location === '/fast' });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
