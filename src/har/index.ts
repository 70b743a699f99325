/**
 * HAR 1.2 recording (`--har <file>`): clients hand each exchange to `spoolExchange`
 * (one spool file per worker), `collectHar` merges the spools into the bounded,
 * redacted HAR file (schemas/har.schema.json).
 */
export { harEntry, boundedBody, type Exchange } from './exchange.js';
export { spoolExchange, HAR_MAX_ENTRIES, HAR_MAX_BODY_BYTES, type SpoolLine } from './spool.js';
export { collectHar } from './collect.js';
export { describeCaps, type HarWritten } from './describe-caps.js';
export { harLine } from './har-line.js';
