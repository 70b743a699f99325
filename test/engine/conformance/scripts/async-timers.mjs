// k6 docs (k6/timers, http.asyncRequest, async functions): an iteration ends when its
// function returned and its timers have run — the timer's request below belongs to it.
import http from 'k6/http';
import { setTimeout } from 'k6/timers';
import { check } from 'k6';

export const options = { iterations: 2, thresholds: { checks: ['rate==1'] } };

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export default async function () {
  const first = await http.asyncRequest('GET', `${__ENV.BASE_URL}/slow?ms=20`);
  await wait(30);
  const [a, b] = await Promise.all([
    http.asyncRequest('GET', `${__ENV.BASE_URL}/fast?p=a`),
    http.asyncRequest('GET', `${__ENV.BASE_URL}/fast?p=b`),
  ]);
  check(first, { 'async ok': (r) => r.status === 200 && a.status === 200 && b.status === 200 });
  setTimeout(() => {
    http.get(`${__ENV.BASE_URL}/fast?p=timer`);
  }, 50);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
