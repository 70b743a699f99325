import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, TransportError, parseJson, readBounded } from '../../contracts/kit/transport.js';

/**
 * A check never stalls on a huge answer: a body past MAX_BODY_BYTES (announced or streamed) is a
 * TransportError naming the request, and anything up to it is read whole.
 */
const summary = { method: 'POST', path: '/api/executeWorkflow', headers: {}, body: '' };

function streamed(chunks: readonly number[], headers: Record<string, string> = {}): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(0x61));
      controller.close();
    },
  });
  return new Response(stream, { headers });
}

async function refusal(res: Response): Promise<TransportError> {
  const error = await readBounded(res, 'executeWorkflow', summary, 'curl x').catch((e: unknown) => e);
  if (!(error instanceof TransportError)) throw new Error(`expected a TransportError, got ${String(error)}`);
  return error;
}

describe('readBounded', () => {
  it('the limit is 8 MiB', () => {
    expect(MAX_BODY_BYTES).toBe(8 * 1024 * 1024);
  });

  it('reads a body in chunks up to the limit exactly, as UTF-8 text', async () => {
    const half = MAX_BODY_BYTES / 2;
    const text = await readBounded(streamed([half, half]), 'executeWorkflow', summary, 'curl x');
    expect(text.length).toBe(MAX_BODY_BYTES);
    expect(await readBounded(new Response('{"é":1}'), 'executeWorkflow', summary, 'c')).toBe('{"é":1}');
    expect(await readBounded(new Response(null), 'executeWorkflow', summary, 'c')).toBe('');
  });

  it('one byte past the limit, streamed without a length, is a TransportError naming the request', async () => {
    const error = await refusal(streamed([MAX_BODY_BYTES, 1]));
    expect(error.message).toBe(
      `POST /api/executeWorkflow: response body larger than ${MAX_BODY_BYTES} bytes`,
    );
    expect(error).toMatchObject({
      name: 'TransportError',
      endpoint: 'executeWorkflow',
      request: summary,
      curl: 'curl x',
    });
  });

  it('an announced Content-Length past the limit is refused before reading', async () => {
    const res = streamed([10], { 'content-length': String(MAX_BODY_BYTES + 1) });
    expect((await refusal(res)).message).toContain('larger than');
    const atLimit = new Response('ok', { headers: { 'content-length': String(MAX_BODY_BYTES) } });
    expect(await readBounded(atLimit, 'executeWorkflow', summary, 'c')).toBe('ok');
  });
});

describe('parseJson', () => {
  it('the parsed value, or undefined for a body that is not JSON', () => {
    expect(parseJson('{"a":[1]}')).toEqual({ a: [1] });
    expect(parseJson('null')).toBeNull();
    expect(parseJson('<html>')).toBeUndefined();
    expect(parseJson('')).toBeUndefined();
  });
});
