import type { WorkflowDefinition } from './workflow.js';

/** The docs' example workflow: "First Name" (text), "Age" (number) → "Analysis Results" (text), "Risk Score" (number). */
const v1: WorkflowDefinition = {
  id: '12345',
  version: 1,
  title: "The docs' example: analyse a person",
  role: 'fast',
  inputComponents: { 'First Name': 'text', Age: 'number' },
  outputComponents: { 'Analysis Results': 'text', 'Risk Score': 'number' },
  sampleInput: { 'First Name': 'John', Age: 30 },
  creditCost: 10,
  expectedDurationMs: 3,
  durationMs: (rng) => rng.lognormal(3, 0.3),
  run({ input }) {
    const name = String(input['First Name']);
    const age = Number(input.Age);
    // A deterministic function of the input, so a checker can compare outputs across runs.
    const risk = Math.max(0, Math.min(100, Math.round(age * 1.5 + (name.length % 7) * 3)));
    return {
      output: {
        'Analysis Results': `Detailed findings for ${name} (age ${age}): risk ${risk < 50 ? 'low' : 'elevated'}`,
        'Risk Score': risk,
      },
      executionPath: ['input', 'analyse', 'score', 'output'],
    };
  },
};

/** Version 2 exists so that "unknown version" (e.g. 3) is a meaningful 404. */
const v2: WorkflowDefinition = {
  ...v1,
  version: 2,
  title: "The docs' example, version 2 (adds a country)",
  role: undefined,
  inputComponents: { 'First Name': 'text', Age: 'number', Country: 'text' },
  sampleInput: { 'First Name': 'John', Age: 30, Country: 'NZ' },
  run(ctx) {
    const base = v1.run(ctx);
    return { ...base, executionPath: ['input', 'localise', 'analyse', 'score', 'output'] };
  },
};

export const workflows: readonly WorkflowDefinition[] = [v1, v2];
