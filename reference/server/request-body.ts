import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { Answer } from '../faults/index.js';
import { fail } from './answer.js';

const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Turns the raw body into a JSON object, or a 400 answer saying what is wrong.
 * Wrong content type and malformed JSON are 400 (not 415): the docs list 400
 * for invalid parameters and no other client-error status for the body.
 */
export type Parsed = { readonly body: Record<string, unknown> } | { readonly answer: Answer };

export function parseJsonObject(contentType: string | undefined, raw: unknown): Parsed {
  if (contentType === undefined || !JSON_CONTENT_TYPE.test(contentType)) {
    return {
      answer: fail(
        400,
        'bad-request',
        `Content-Type must be application/json (got ${contentType === undefined ? 'none' : JSON.stringify(contentType)})`,
      ),
    };
  }
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  if (text.trim() === '')
    return { answer: fail(400, 'bad-request', 'request body is empty; send a JSON object') };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { answer: fail(400, 'bad-request', `malformed JSON body: ${(error as Error).message}`) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { answer: fail(400, 'bad-request', 'request body must be a JSON object') };
  return { body: value as Record<string, unknown> };
}

/** A 400 answer naming each problem, or undefined when the value is valid. */
export function validateOr400(
  validate: ValidateFunction,
  value: unknown,
  subject: string,
): Answer | undefined {
  if (validate(value)) return undefined;
  return fail(
    400,
    subject === 'input' ? 'invalid-input' : 'bad-request',
    (validate.errors ?? []).map((e) => describe(e, subject)).join('; '),
  );
}

function describe(error: ErrorObject, subject: string): string {
  // "/Age" → "input.Age": JSON pointers read badly in an error message.
  const where = `${subject}${error.instancePath.replace(/\//g, '.')}`;
  switch (error.keyword) {
    case 'required':
      return `${where} is missing required field "${String(error.params.missingProperty)}"`;
    case 'additionalProperties':
      return `${where} has unknown field "${String(error.params.additionalProperty)}"`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}
