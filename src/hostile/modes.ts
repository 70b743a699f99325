/**
 * The misbehaviours of the hostile companion server, one per mode. Each mode answers all
 * three documented endpoints (and any other path) the same broken way, so a harness pointed at
 * `{url}/{mode}` as a bare-URL target meets that failure on every request.
 */
export const HOSTILE_MODES = [
  'reset', // headers and half a body, then a TCP reset
  'hang', // accepts the connection, reads the request, never answers
  'trickle', // 200 + JSON headers, then one body byte per trickleIntervalMs, forever
  'truncated-json', // a complete HTTP message whose JSON body stops mid-object
  'not-json', // an HTML page labelled application/json
  'huge-body', // a valid JSON body of hugeBodyBytes (50 MB by default), streamed
  'rate-limited', // 429 + error body, no Retry-After
  'rate-limited-retry-after', // 429 + Retry-After
  'unavailable', // 503 + error body, no Retry-After
  'unavailable-retry-after', // 503 + Retry-After
  'redirect-loop', // 307 to itself, forever
] as const;

export type HostileMode = (typeof HOSTILE_MODES)[number];

export function isHostileMode(value: string): value is HostileMode {
  return (HOSTILE_MODES as readonly string[]).includes(value);
}
