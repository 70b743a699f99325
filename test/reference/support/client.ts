import type { RunningReference } from '../../../reference/index.js';

export interface Reply {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
  /** Parsed body; undefined when not JSON. */
  readonly json: Record<string, unknown> | undefined;
}

export async function toReply(response: Response): Promise<Reply> {
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text, json };
}

/** POSTs a JSON body to one of the documented endpoints with the given key (default: the full key; null: no key). */
export async function post(
  ref: RunningReference,
  endpoint: string,
  body: unknown,
  key: string | null = ref.keys.full,
): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers['x-api-key'] = key;
  return toReply(
    await fetch(`${ref.url}/api/${endpoint}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  );
}

export async function raw(
  ref: RunningReference,
  endpoint: string,
  init: { body?: string; headers?: Record<string, string> },
): Promise<Reply> {
  return toReply(
    await fetch(`${ref.url}/api/${endpoint}`, {
      method: 'POST',
      headers: { 'x-api-key': ref.keys.full, ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
    }),
  );
}

export const EXAMPLE = { workflowId: '12345', version: 1, input: { 'First Name': 'John', Age: 30 } } as const;

/** Polls getConversationById until the status is terminal or the budget runs out. */
export async function waitForTerminal(
  ref: RunningReference,
  workflowId: string,
  conversationId: string,
  budgetMs = 5000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    const reply = await post(ref, 'getConversationById', { workflowId, conversationId });
    const status = reply.json?.status;
    if (reply.status === 200 && (status === 'completed' || status === 'failed')) return reply.json ?? {};
    if (Date.now() > deadline)
      throw new Error(
        `conversation ${conversationId} still ${String(status)} after ${budgetMs} ms (HTTP ${reply.status})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
