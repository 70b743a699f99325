import type { ContractFailure } from '../../src/types/generated/contract-failure.js';
import type { ApiResponse, RequestSummary } from './http-client.js';

type Json = ContractFailure['received'];
export const ABSENT = '(absent)';
const MAX_RECEIVED_CHARS = 300;
const LABEL = { documented: 'Documented', inferred: 'Expected (inferred)', typical: 'Typical' } as const;

export interface FailureInput {
  readonly code: string;
  readonly endpoint: string;
  readonly response?: ApiResponse;
  readonly request?: RequestSummary;
  /** The request as a curl command (default: the response's). */
  readonly curl?: string;
  readonly status?: number | null;
  readonly instancePath?: string;
  readonly schemaPath: string;
  /** A value from the target; strings are quoted in the message so "10" and 10 read differently. */
  readonly received: unknown;
  /** true when `received` is the harness's description (e.g. "3 entries"), printed unquoted. */
  readonly receivedIsDescription?: boolean;
  readonly documented: unknown;
  /** Where the expectation comes from; default documented. */
  readonly basis?: Basis;
}

/** documented: a failure · inferred: a failure only when the profile declares it · typical: never a failure. */
export type Basis = 'documented' | 'inferred' | 'typical';

/** What one check found: contract failures as data, plus recorded facts that are not pass/fail. */
export class Findings {
  readonly failures: ContractFailure[] = [];
  readonly observations: Record<string, unknown> = {};
  /** Differences from an inferred (undeclared) or typical expectation: reported apart, never failures. */
  readonly deviations: ContractFailure[] = [];

  constructor(private readonly check: string) {}

  fail(input: FailureInput): void {
    this.failures.push(this.build(input));
  }

  /** A difference from a 'typical' expectation (the docs say "typically"): an observation, never a failure. */
  typical(input: FailureInput): void {
    this.deviations.push(this.build({ ...input, basis: 'typical' }));
  }

  /** An expectation not in the docs: a failure when the profile declares it, else a deviation. */
  inferred(declared: boolean, input: FailureInput): void {
    const entry = this.build({ ...input, basis: 'inferred' });
    (declared ? this.failures : this.deviations).push(entry);
  }

  private build(input: FailureInput): ContractFailure {
    const status = input.status !== undefined ? input.status : (input.response?.status ?? null);
    const instancePath = input.instancePath ?? '';
    const received = toJson(input.received);
    const documented = toJson(input.documented);
    const where =
      instancePath !== '' ? instancePath : input.schemaPath === 'status' ? 'status' : input.schemaPath;
    const request = input.request ?? input.response?.request;
    const curl = input.curl ?? input.response?.curl;
    return {
      code: input.code,
      check: this.check,
      endpoint: input.endpoint,
      ...(request === undefined ? {} : { request }),
      ...(curl === undefined ? {} : { curl }),
      status,
      instancePath,
      schemaPath: input.schemaPath,
      received,
      documented,
      ...(input.basis === undefined ? {} : { basis: input.basis }),
      message: `${input.endpoint} ${where}: Received: ${input.receivedIsDescription === true || received === ABSENT ? show(received) : JSON.stringify(received)} / ${LABEL[input.basis ?? 'documented']}: ${show(documented)}`,
    };
  }

  observe(key: string, value: unknown): void {
    this.observations[key] = toJson(value);
  }
}

/** JSON-safe and bounded, so a 50 MB body never lands in a report. */
function toJson(value: unknown): Json {
  if (value === undefined) return ABSENT;
  const text = JSON.stringify(value);
  // undefined only for functions and symbols, which no body parses to.
  if (text === undefined) return typeof value;
  if (text.length > MAX_RECEIVED_CHARS) return `${text.slice(0, MAX_RECEIVED_CHARS)}… (${text.length} chars)`;
  return JSON.parse(text) as Json;
}

function show(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
