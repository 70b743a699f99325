import { randomBytes } from 'node:crypto';
import {
  containsText,
  defineCheck,
  executeBody,
  getPointer,
  markedBody,
  workflow,
  type ApiResponse,
  type CheckContext,
} from './kit/index.js';

interface Created {
  readonly id: string;
  readonly marker: string;
  readonly res: ApiResponse;
}

async function create(ctx: CheckContext, marker: string): Promise<Created | undefined> {
  const res = await ctx.api.post('executeWorkflow', markedBody(ctx, 'fast', marker) ?? executeBody(ctx));
  if (!ctx.expect.status(res, 200)) return undefined;
  const id = getPointer(res.json, '/conversationId');
  if (typeof id !== 'string') return void ctx.expect.schema(res, 'execute-response.schema.json');
  return { id, marker, res };
}

type Seen = 'own' | 'foreign' | 'none';

/** Fetches a conversation and says whose marker it shows: its own, the other one's, or none. */
async function fetchSeen(
  ctx: CheckContext,
  mine: Created,
  other: Created,
): Promise<[Seen, ApiResponse] | undefined> {
  const res = await ctx.api.post('getConversationById', {
    workflowId: workflow(ctx, 'fast').workflowId,
    conversationId: mine.id,
  });
  if (!ctx.expect.status(res, 200)) return undefined;
  if (containsText(res.json, other.marker)) return ['foreign', res];
  return [containsText(res.json, mine.marker) ? 'own' : 'none', res];
}

/** Up to this many rounds of fetching both, so another check's requests in between cannot hide a swap. */
const ROUNDS = 3;

/**
 * Each fetched conversation must be the one created: another's marker in it fails; a
 * deployment that shows its own marker in one and not in another fails; one that shows
 * no input at all is a deviation (inferred: failure only with a declared conversation shape).
 */
async function expectOwnContent(ctx: CheckContext, a: Created, b: Created): Promise<void> {
  const seen: Array<[Seen, ApiResponse, Created]> = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [mine, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const got = await fetchSeen(ctx, mine, other);
      if (got === undefined) return;
      seen.push([...got, mine]);
    }
    if (seen.some(([s]) => s === 'foreign') || seen.every(([s]) => s === 'own')) break;
  }
  ctx.findings.observe(
    'content',
    seen.map(([s]) => s),
  );
  const foreign = seen.find(([s]) => s === 'foreign');
  const missing = seen.find(([s]) => s === 'none');
  const bad = foreign ?? missing;
  if (bad === undefined) return;
  const [kind, res, mine] = bad;
  const other = mine === a ? b : a;
  const input = {
    code: 'WRONG_CONVERSATION',
    endpoint: 'getConversationById',
    response: res,
    schemaPath: 'docs: "The response will include the complete conversation details"',
    received:
      kind === 'foreign'
        ? `conversation ${mine.id} shows the input of ${other.id} (marker ${other.marker})`
        : `conversation ${mine.id} shows nowhere the input it was created with (marker ${mine.marker})`,
    receivedIsDescription: true,
    documented: `the conversation created by the execution that returned ${mine.id}`,
  } as const;
  // Another's input, or its own only some of the time: wrong by any reading. No input ever: a deployment's choice.
  if (foreign !== undefined || seen.some(([s]) => s === 'own')) ctx.findings.fail(input);
  else ctx.findings.inferred(ctx.profile.conversation !== undefined, input);
}

defineCheck(
  {
    id: 'conversation-identity',
    title:
      'Two new executions get two fresh conversationIds, and getConversationById returns each one created (by its content)',
    endpoints: ['executeWorkflow', 'getConversationById'],
    needs: ['workflow:fast', 'writes'],
    basis: 'documented',
  },
  async (ctx) => {
    const tag = randomBytes(4).toString('hex');
    const a = await create(ctx, `harness-a-${tag}`);
    const b = await create(ctx, `harness-b-${tag}`);
    if (a === undefined || b === undefined) return;
    ctx.findings.observe('conversationIds', [a.id, b.id]);
    if (a.id === b.id) {
      ctx.findings.fail({
        code: 'CONVERSATION_REUSED',
        endpoint: 'executeWorkflow',
        response: b.res,
        instancePath: '/conversationId',
        schemaPath: 'docs: conversationId "If omitted, creates a new conversation"',
        received: b.id,
        documented: `a new conversationId (not ${a.id}, the previous execution's)`,
      });
      return;
    }
    if (markedBody(ctx, 'fast', 'x') === undefined)
      return void ctx.findings.observe('content', 'workflows.fast has no text input component to mark');
    await expectOwnContent(ctx, a, b);
    await expectOwnContent(ctx, b, a);
  },
);
