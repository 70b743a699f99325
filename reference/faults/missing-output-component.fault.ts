import type { FaultDefinition } from './fault.js';

const DROPPED = 'Risk Score';

function drop(output: unknown): unknown {
  if (typeof output !== 'object' || output === null) return output;
  const rest = { ...(output as Record<string, unknown>) };
  delete rest[DROPPED];
  return rest;
}

export const fault: FaultDefinition = {
  name: 'missing-output-component',
  title: 'The "Risk Score" output component is missing from outputs',
  violates:
    'executeWorkflow 200 and getConversationById 200: /output/Risk Score missing (workflow 12345 output components)',
  needsProfile:
    'the output components: a bare URL learns them from the first answer, which already lacks "Risk Score"',
  hooks: () => ({
    answer(answer) {
      if (answer.reason !== 'ok') return answer;
      const body = answer.body as Record<string, unknown>;
      if (!('output' in body)) return answer;
      const turns = Array.isArray(body.turns)
        ? (body.turns as Array<Record<string, unknown>>).map((t) => ({ ...t, output: drop(t.output) }))
        : body.turns;
      return {
        ...answer,
        body: { ...body, output: drop(body.output), ...(turns === undefined ? {} : { turns }) },
      };
    },
  }),
};
