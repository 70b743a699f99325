/** Minimal loopback HTTP helpers for robustness tests: every call bounded by a timeout. */
export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly json: unknown;
}

export async function post(
  url: string,
  body: string | undefined,
  headers: Record<string, string>,
  timeoutMs = 10_000,
): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
}

/** True when the answer is the documented error body {"error": string}. */
export function hasErrorBody(answer: Answer): boolean {
  const json = answer.json as { error?: unknown } | undefined;
  return typeof json === 'object' && json !== null && typeof json.error === 'string' && json.error.length > 0;
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
