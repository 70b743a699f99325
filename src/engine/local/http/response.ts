import type { RawResult, Timings } from './send-request.js';

export interface RequestInfo {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string[]>;
  readonly body: string;
  readonly cookies: Record<string, never>;
}

/** k6's Response object (the fields the local engine fills). */
export class Response {
  readonly status: number;
  readonly status_text: string;
  readonly proto: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
  readonly timings: Timings;
  readonly error: string;
  readonly error_code: number;
  readonly url: string;
  readonly remote_ip: string;
  readonly remote_port: number;
  readonly cookies: Record<string, never> = {};
  readonly request: RequestInfo;
  readonly tls_version = '';
  readonly ocsp = { status: 'unknown' };

  constructor(raw: RawResult, url: string, request: RequestInfo) {
    this.status = raw.status;
    this.status_text = raw.statusText;
    this.proto = raw.proto;
    this.headers = raw.headers;
    this.body = raw.body === undefined ? null : raw.body.toString('utf8');
    this.timings = raw.timings;
    this.error = raw.error;
    // k6: 1000 + status for an answer from 400 on (its `error` stays empty), else the transport error's code.
    this.error_code = raw.errorCode !== 0 ? raw.errorCode : raw.status >= 400 ? 1000 + raw.status : 0;
    this.url = url;
    this.remote_ip = raw.remoteIp;
    this.remote_port = raw.remotePort;
    this.request = request;
  }

  /** Parses the body; with a selector, k6 uses a gjson path (here: dotted keys and indexes). */
  json(selector?: string): unknown {
    if (this.body === null)
      throw new Error(
        "the body is null so we can't transform it to JSON - this likely was because of a request error getting the response",
      );
    const value: unknown = JSON.parse(this.body);
    if (selector === undefined || selector === '') return value;
    let current: unknown = value;
    for (const key of selector.split('.')) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  }

  html(): never {
    throw new Error('Response.html() is not supported by the local engine (not k6); run this script with k6');
  }
}
