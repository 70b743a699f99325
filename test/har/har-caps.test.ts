import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { harLine } from '../../src/har/index.js';
import { createAjv } from '../../src/contract/index.js';
import {
  HAR_MAX_BODY_BYTES,
  HAR_MAX_ENTRIES,
  collectHar,
  harEntry,
  spoolExchange,
  type Exchange,
} from '../../src/har/index.js';
import { clearSecrets, registerSecret } from '../../src/secrets/index.js';
import type { HarFile } from '../../src/types/generated/har.js';

const validate = createAjv().getSchema('https://workflow-harness.example.org/schemas/har.schema.json');
const fresh = (): string => mkdtempSync(join(tmpdir(), 'har-caps-'));

const exchange = (i: number, extra: Partial<Exchange> = {}): Exchange => ({
  startedAt: 1_700_000_000_000 + i,
  durationMs: 5,
  waitMs: 4,
  method: 'POST',
  url: 'http://127.0.0.1:9/api/executeWorkflow',
  requestHeaders: { 'content-type': 'application/json', 'x-api-key': 'sk-live-abcdef123456' },
  requestBody: '{"workflowId":"12345"}',
  status: 200,
  statusText: 'OK',
  responseHeaders: { 'content-type': 'application/json' },
  responseBody: '{"ok":true}',
  ...extra,
});

describe('HAR caps: bounded, and every cut is marked in the file and on the console', () => {
  afterEach(() => clearSecrets());

  it('keeps at most HAR_MAX_ENTRIES entries (the earliest) and counts the dropped ones', () => {
    const spool = fresh();
    // Two writers (as two check workers would be), one past its own cap.
    for (let i = 0; i < HAR_MAX_ENTRIES + 5; i++) spoolExchange(spool, exchange(i * 2));
    const out = join(fresh(), 'x.har');
    const written = collectHar(spool, out, 'test');
    const har = JSON.parse(readFileSync(out, 'utf8')) as HarFile;
    expect(validate?.(har), JSON.stringify(validate?.errors)).toBe(true);
    expect(har.log.entries).toHaveLength(HAR_MAX_ENTRIES);
    expect(har.log._harness).toMatchObject({ recorded: HAR_MAX_ENTRIES + 5, droppedEntries: 5 });
    expect(har.log.comment).toContain('5 entries past the cap NOT recorded');
    expect(harLine(written)).toContain('5 entries past the cap NOT recorded');
    expect(har.log.entries[0]?.startedDateTime).toBe(new Date(1_700_000_000_000).toISOString());
  });

  it('cuts a body past HAR_MAX_BODY_BYTES, keeps its full size and says so on the body', () => {
    const big = 'x'.repeat(HAR_MAX_BODY_BYTES + 100);
    const { entry, truncated } = harEntry(
      exchange(0, { responseBody: big, requestBody: big }),
      HAR_MAX_BODY_BYTES,
    );
    expect(truncated).toBe(2);
    expect(entry.response.content.text).toHaveLength(HAR_MAX_BODY_BYTES);
    expect(entry.response.content.size).toBe(big.length);
    expect(entry.response.content.comment).toMatch(/truncated by the harness/);
    expect(entry.request.postData?.comment).toMatch(/truncated by the harness/);
    const small = harEntry(exchange(0), HAR_MAX_BODY_BYTES);
    expect(small.truncated).toBe(0);
    expect(small.entry.response.content.comment).toBeUndefined();
    const spool = fresh();
    spoolExchange(spool, exchange(0, { responseBody: big }));
    const written = collectHar(spool, join(fresh(), 'y.har'), 'test');
    expect(written.caps.truncatedBodies).toBe(1);
    expect(harLine(written)).toContain('1 bodies truncated');
  });

  it('redacts the key header and scrubs a registered secret anywhere else', () => {
    registerSecret('sk-live-abcdef123456');
    const spool = fresh();
    spoolExchange(spool, exchange(0, { responseBody: '{"echo":"sk-live-abcdef123456"}' }));
    const out = join(fresh(), 'z.har');
    collectHar(spool, out, 'test');
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('sk-live-abcdef123456');
    expect(text).toContain('[REDACTED]');
  });

  it('records an exchange that got no response as status 0 with the reason', () => {
    const { status, statusText, responseHeaders, responseBody, ...request } = exchange(0);
    expect([status, statusText, responseHeaders, responseBody]).not.toContain(undefined);
    const { entry } = harEntry({ ...request, error: 'ECONNRESET' }, HAR_MAX_BODY_BYTES);
    expect(entry.response.status).toBe(0);
    expect(entry.response._error).toBe('ECONNRESET');
    expect(
      validate?.({
        log: {
          version: '1.2',
          creator: { name: 'x', version: '1' },
          entries: [entry],
          _harness: { maxEntries: 1, maxBodyBytes: 1, recorded: 1, droppedEntries: 0, truncatedBodies: 0 },
        },
      }),
    ).toBe(true);
  });
});
