/**
 * Node's host globals a k6 script must not see (k6 has none of them: `typeof fetch` is
 * 'undefined' there). The VU wrapper declares each as undefined around the script, so a
 * free reference resolves to undefined like on k6; `globalThis.fetch` still reaches Node's
 * (the realm is shared, see README). Language builtins (Intl, WebAssembly, …) stay.
 */
export const HIDDEN_GLOBALS: readonly string[] = [
  'fetch',
  'process',
  'Buffer',
  'structuredClone',
  'performance',
  'setImmediate',
  'clearImmediate',
  'queueMicrotask',
  'URL',
  'URLSearchParams',
  'AbortController',
  'AbortSignal',
  'atob',
  'btoa',
  'EventTarget',
  'Event',
  'Blob',
  'MessageChannel',
  'MessagePort',
  'BroadcastChannel',
  'Headers',
  'Request',
  'FormData',
  'WebSocket',
  'navigator',
];

/**
 * k6 v2's global `crypto` is WebCrypto: getRandomValues, randomUUID and `subtle`. Node's
 * WebCrypto object has the same API; only those three members are exposed.
 */
export const SCRIPT_CRYPTO = Object.freeze({
  getRandomValues: (array: Parameters<typeof globalThis.crypto.getRandomValues>[0]) =>
    globalThis.crypto.getRandomValues(array),
  randomUUID: (): string => globalThis.crypto.randomUUID(),
  subtle: globalThis.crypto.subtle,
});
