import { HarnessError } from '../errors/index.js';
import { readApiKey } from '../secrets/index.js';
import type { TargetProfile } from '../types/generated/target-profile.js';
import { bareUrlProfile, BARE_URL_KEY_ENV, type BareWorkflow } from './bare-url.js';
import { preflight, preflightPost } from './preflight.js';
import { probeReachable } from './probe.js';

export interface InitOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly workflows?: readonly BareWorkflow[];
  /** Variable holding the main key (default HARNESS_API_KEY); only its name is written. */
  readonly apiKeyEnv?: string;
  readonly name?: string;
  readonly requestTimeoutMs: number;
  readonly connectTimeoutMs: number;
}

type Conversation = NonNullable<TargetProfile['conversation']>;

/** Pointers to the top-level fields of a fetched conversation that look like status, output, credits and history. */
export function guessConversation(body: unknown): Conversation {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const entries = Object.entries(body as Record<string, unknown>);
  const find = (re: RegExp, ok: (v: unknown) => boolean = () => true): string | undefined => {
    const hit = entries.find(([k, v]) => re.test(k) && ok(v));
    return hit === undefined ? undefined : `/${hit[0].replace(/~/g, '~0').replace(/\//g, '~1')}`;
  };
  const status = find(/^(status|state)$/i, (v) => typeof v === 'string');
  const output = find(/^(output|outputs|result|results)$/i, (v) => typeof v === 'object');
  const credit = find(/credit/i, (v) => typeof v === 'number');
  const history = find(/^(turns|history|messages|executions)$/i, Array.isArray);
  return {
    ...(status === undefined ? {} : { statusPointer: status }),
    ...(output === undefined ? {} : { outputPointer: output }),
    ...(credit === undefined ? {} : { creditUsagePointer: credit }),
    ...(history === undefined ? {} : { historyPointer: history }),
  };
}

/**
 * Probes a deployment as `harness verify` would from its bare URL (reachability, key,
 * workflows run once, output shapes learned, one conversation fetched) and returns a
 * commented targets/<name>.json ready to edit.
 */
export async function initProfile(
  url: string,
  options: InitOptions,
): Promise<{ name: string; text: string }> {
  const env = options.env ?? process.env;
  const keyEnv = options.apiKeyEnv ?? BARE_URL_KEY_ENV;
  const base = bareUrlProfile(url, env, options.workflows ?? []);
  const name = options.name ?? base.name;
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name))
    throw new HarnessError('HARNESS_ERR_USAGE', `target name "${name}" is not a valid profile name`, {
      hint: 'Use lower-case letters, digits, ".", "_" and "-" (e.g. --name staging).',
    });
  const main = readApiKey(keyEnv, env);
  await probeReachable(base.baseUrl, options.connectTimeoutMs);
  const learned = await preflight(
    {
      profile: { ...base, apiKeyEnv: keyEnv },
      keys: { main },
      embedded: false,
      guessed: ['workflows.fast'],
      bare: true,
      stop: () => Promise.resolve(),
    },
    { requestTimeoutMs: options.requestTimeoutMs },
  );
  let conversation: Conversation = {};
  if (!learned.guessed.includes('workflows.fast')) {
    const fast = learned.profile.workflows.fast;
    const exec = await preflightPost(
      base,
      main,
      'executeWorkflow',
      { workflowId: fast.workflowId, version: fast.version, input: fast.sampleInput },
      options.requestTimeoutMs,
    );
    const id = (exec.json as { conversationId?: unknown } | undefined)?.conversationId;
    if (typeof id === 'string') {
      const got = await preflightPost(
        base,
        main,
        'getConversationById',
        { workflowId: fast.workflowId, conversationId: id },
        options.requestTimeoutMs,
      );
      if (got.status === 200) conversation = guessConversation(got.json);
    }
  }
  return {
    name,
    text: render({ ...learned.profile, name, apiKeyEnv: keyEnv }, conversation, learned.notes ?? []),
  };
}

const json = (value: unknown, indent: string): string =>
  JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);

/** One "key": value per field, each after the comment saying what it is for; commas only between fields. */
function render(p: TargetProfile, conversation: Conversation, notes: readonly string[]): string {
  const fields: Array<[comment: string[], key: string, value: unknown]> = [
    [[], '$schema', '../schemas/target-profile.schema.json'],
    [
      ['Short name used in reports and baselines; `harness verify --target <name>` picks this file.'],
      'name',
      p.name,
    ],
    [[], 'description', `written by harness target init from ${p.baseUrl}; edit freely`],
    [['Origin (and optional path prefix) the endpoint paths are appended to.'], 'baseUrl', p.baseUrl],
    [
      [
        'The NAME of the variable holding the main key (never the key itself).',
        'Optional extra keys enable the 403 / insufficient-credits checks:',
        '"extraKeys": { "noPermission": "MY_KEY_NO_PERMISSION", "noCredits": "MY_KEY_NO_CREDITS" },',
      ],
      'apiKeyEnv',
      p.apiKeyEnv,
    ],
    [
      [
        'Workflows by role. Output components were learned from each first answer (check them).',
        'Add "slow" (runs past the sync limit) and "conversational" roles to enable more checks.',
        ...notes.map((n) => `probe: ${n}`),
      ],
      'workflows',
      p.workflows,
    ],
    [
      [
        'Past the sync limit: the docs advise background execution beyond 30 s. Add "timeoutStatus" (e.g. 504)',
        'and "completesAfterTimeout" when you know them; sync-limit asserts limitMs within toleranceMs.',
      ],
      'syncLimit',
      { limitMs: 30_000 },
    ],
    [
      [
        'How a getConversationById body is read (the docs give no shape): pointers guessed from one fetched',
        'conversation. creditAccounting: "sum" | "last" | "undeclared" (observed, never failed).',
      ],
      'conversation',
      { ...conversation, creditAccounting: 'undeclared' },
    ],
    [
      [
        'Background polling: give up (a failure naming the last status) after budgetMs.',
        'Optional, where the docs are silent: declare what the deployment does and a difference fails',
        '(undeclared: observed as a deviation): its status for GET/PUT/PATCH/DELETE on the endpoints, for a',
        "non-JSON Content-Type, and a bound on each request's time, e.g.",
        '"otherMethodStatus": 405, "wrongContentTypeStatus": 415, "responseTimeMs": { "executeWorkflow": 5000 },',
      ],
      'polling',
      p.polling ?? { budgetMs: 120_000 },
    ],
  ];
  const lines = [
    `// targets/${p.name}.json — written by \`harness target init\`. Edit, then: harness verify --target ${p.name}`,
    '// Comments (//) are allowed in target profiles; schemas/target-profile.schema.json documents every field.',
    '{',
  ];
  fields.forEach(([comment, key, value], i) => {
    for (const c of comment) lines.push(`  // ${c}`);
    lines.push(`  ${JSON.stringify(key)}: ${json(value, '  ')}${i < fields.length - 1 ? ',' : ''}`);
  });
  lines.push('}', '');
  return lines.join('\n');
}
