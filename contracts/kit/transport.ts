import type { EndpointName } from '../../src/target/index.js';
import type { RequestSummary } from './http-client.js';

/** A response body past this size is a TransportError: no contract body is that large, and reading 50 MB would stall a check. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** No response arrived (refused, reset, timed out): the kit turns it into a TRANSPORT failure. */
export class TransportError extends Error {
  constructor(
    readonly endpoint: EndpointName,
    readonly request: RequestSummary,
    message: string,
    readonly curl?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** The body as text, read up to MAX_BODY_BYTES: past it, a TransportError (a check never stalls on 50 MB). */
export async function readBounded(
  res: Response,
  endpoint: EndpointName,
  summary: RequestSummary,
  curl: string,
): Promise<string> {
  const tooLarge = (): TransportError =>
    new TransportError(
      endpoint,
      summary,
      `${summary.method} ${summary.path}: response body larger than ${MAX_BODY_BYTES} bytes`,
      curl,
    );
  if (Number(res.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (res.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Node's web streams are async-iterable; leaving the loop early cancels the stream.
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parsed JSON; undefined when the body is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
