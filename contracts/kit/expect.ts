import type { AnySchemaObject, ErrorObject } from 'ajv/dist/2020.js';
import { ABSENT, type FailureInput, type Findings } from './findings.js';
import type { ApiResponse } from './http-client.js';
import { escapePointerToken, getPointer } from './pointer.js';
import { receivedStatus, statusFailureCode } from './status-code.js';
import { schemaLocation, validateBody } from './validator.js';

export type ExpectedStatus = number | readonly number[] | '2xx';

/**
 * Expectations record a ContractFailure and return false instead of throwing, so one
 * check reports every violation it sees; a check returns early when it cannot go on.
 */
export class Expectations {
  /** `declared`: set for expectations the docs do not make (inferred): a failure only when the profile declares them. */
  constructor(
    private readonly findings: Findings,
    private readonly declared?: boolean,
  ) {}

  /** The same expectations, inferred: failures when `declared`, deviations otherwise. */
  inferred(declared: boolean): Expectations {
    return new Expectations(this.findings, declared);
  }

  private record(input: FailureInput): void {
    if (this.declared === undefined) this.findings.fail(input);
    else this.findings.inferred(this.declared, input);
  }

  status(res: ApiResponse, expected: ExpectedStatus): boolean {
    const ok =
      expected === '2xx'
        ? res.status >= 200 && res.status < 300
        : typeof expected === 'number'
          ? res.status === expected
          : expected.includes(res.status);
    if (!ok) {
      const documented = typeof expected === 'object' ? expected.join(' or ') : expected;
      this.record({
        code: statusFailureCode(res.status),
        endpoint: res.endpoint,
        response: res,
        schemaPath: 'status',
        ...receivedStatus(res),
        documented,
      });
    }
    return ok;
  }

  contentType(res: ApiResponse): boolean {
    const ok = res.contentType !== undefined && /^application\/(.+\+)?json\b/i.test(res.contentType);
    if (!ok) {
      this.record({
        code: 'WRONG_CONTENT_TYPE',
        endpoint: res.endpoint,
        response: res,
        schemaPath: 'header:content-type',
        received: res.contentType ?? ABSENT,
        documented: 'application/json',
      });
    }
    return ok;
  }

  /** Body against a schema file in schemas/ or an inline (workflow-composed) schema. */
  schema(
    res: ApiResponse,
    schema: string | AnySchemaObject,
    label: string = typeof schema === 'string' ? schema : 'inline',
  ): boolean {
    if (res.json === undefined) {
      this.record({
        code: 'NOT_JSON',
        endpoint: res.endpoint,
        response: res,
        schemaPath: typeof schema === 'string' ? schema : label,
        received: res.text.slice(0, 200),
        documented: 'a JSON body',
      });
      return false;
    }
    return this.value(res, res.json, schema, label, '');
  }

  /** A value found inside a body (e.g. via a profile pointer) against a schema. */
  value(
    res: ApiResponse,
    value: unknown,
    schema: string | AnySchemaObject,
    label: string,
    at: string,
  ): boolean {
    const errors = validateBody(schema, value);
    for (const error of errors) this.schemaFailure(res, value, error, label, at);
    return errors.length === 0;
  }

  /** An error answer: the status, a JSON content type and the documented {"error": string} body. */
  errorBody(res: ApiResponse, expected: ExpectedStatus): boolean {
    const status = this.status(res, expected);
    // A success answer where an error was due is one violation (the status), not three.
    if (res.status < 400) return false;
    const type = this.contentType(res);
    const body = this.schema(res, 'error-body.schema.json');
    return status && type && body;
  }

  private schemaFailure(
    res: ApiResponse,
    body: unknown,
    error: ErrorObject,
    label: string,
    at: string,
  ): void {
    let instancePath = at + error.instancePath;
    let received: unknown = getPointer(body, error.instancePath);
    let documented: unknown = `${error.keyword}: ${error.message ?? 'invalid'}`;
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      instancePath += `/${escapePointerToken(missing)}`;
      received = ABSENT;
      documented = `required property "${missing}"`;
    } else if (error.keyword === 'type') {
      documented = `type ${String((error.params as { type: unknown }).type)}`;
    }
    this.record({
      code: 'SCHEMA_VIOLATION',
      endpoint: res.endpoint,
      response: res,
      instancePath,
      schemaPath: schemaLocation(label, error),
      received,
      documented,
    });
  }
}
