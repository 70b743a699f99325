// k6 v2.2.0 has none of Node's host globals (fetch, process, Buffer, …): `typeof` says
// 'undefined'. It has WebCrypto as `crypto` (getRandomValues, randomUUID, subtle), the
// timers, and a `console` whose lines go to stderr (console.debug only with -v).
import { check } from 'k6';

export const options = { iterations: 1 };

const NODE_ONLY = {
  fetch: typeof fetch,
  process: typeof process,
  Buffer: typeof Buffer,
  structuredClone: typeof structuredClone,
  performance: typeof performance,
  setImmediate: typeof setImmediate,
  queueMicrotask: typeof queueMicrotask,
  URL: typeof URL,
  AbortController: typeof AbortController,
  atob: typeof atob,
};

export default function () {
  const present = Object.entries(NODE_ONLY).filter(([, type]) => type !== 'undefined');
  check(present, { 'no Node host global is visible': (p) => p.length === 0 });
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  check(crypto, {
    'crypto is WebCrypto': (c) =>
      typeof c.subtle === 'object' && /^[0-9a-f-]{36}$/.test(c.randomUUID()) && bytes.some((b) => b !== 0),
    'crypto is not Node crypto': (c) => typeof c.createHash === 'undefined',
  });
  check(setTimeout, {
    'timers are globals': (t) => typeof t === 'function' && typeof clearTimeout === 'function',
  });
  console.log('conformance console.log line');
  console.warn('conformance console.warn line');
  console.debug('conformance console.debug line');
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
