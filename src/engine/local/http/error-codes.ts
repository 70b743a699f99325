/**
 * k6's error codes for failed requests (k6 docs "Error codes"; lib/netext/httpext/error_codes.go),
 * with messages shaped like k6's (Go's net errors) so scripts and reports read alike.
 */
export const K6_ERROR = {
  generic: 1000,
  nonTcpNetwork: 1010,
  invalidUrl: 1020,
  requestTimeout: 1050,
  dns: 1100,
  dnsNoSuchHost: 1101,
  tcp: 1200,
  tcpBrokenPipe: 1201,
  tcpDial: 1210,
  tcpDialTimeout: 1211,
  tcpDialRefused: 1212,
  tcpResetByPeer: 1220,
  tls: 1300,
} as const;

export interface MappedError {
  readonly code: number;
  /** k6's short message: res.error and the `error` tag ("dial: connection refused"). */
  readonly message: string;
  /** The Go-style error k6 logs with "Request Failed" (without its `Get "url": ` prefix). */
  readonly detail: string;
  /** The connection was never established: k6 reports zero timings and zero bytes sent. */
  readonly dialFailed: boolean;
}

/** Messages as k6 v2.2.0 words them (lib/netext/httpext/error_codes.go). */
export function mapNetworkError(
  error: NodeJS.ErrnoException,
  hostPort: string,
  timedOut: boolean,
): MappedError {
  const host = hostPort.replace(/:\d+$/, '');
  const mapped = (code: number, message: string, detail: string, dialFailed = false): MappedError => ({
    code,
    message,
    detail,
    dialFailed,
  });
  if (timedOut) return mapped(K6_ERROR.requestTimeout, 'request timeout', 'request timeout');
  switch (error.code) {
    case 'ECONNREFUSED':
      return mapped(
        K6_ERROR.tcpDialRefused,
        'dial: connection refused',
        `dial tcp ${hostPort}: connect: connection refused`,
        true,
      );
    case 'ECONNRESET':
      return mapped(
        K6_ERROR.tcpResetByPeer,
        'read: connection reset by peer',
        `read tcp ${hostPort}: read: connection reset by peer`,
      );
    case 'EPIPE':
      return mapped(
        K6_ERROR.tcpBrokenPipe,
        'write: broken pipe',
        `write tcp ${hostPort}: write: broken pipe`,
      );
    case 'ENOTFOUND':
      return mapped(K6_ERROR.dnsNoSuchHost, 'lookup: no such host', `lookup ${host}: no such host`, true);
    case 'EAI_AGAIN':
      return mapped(
        K6_ERROR.dns,
        `lookup ${host}: temporary failure in name resolution`,
        `lookup ${host}: temporary failure in name resolution`,
        true,
      );
    case 'ETIMEDOUT':
      return mapped(K6_ERROR.tcpDialTimeout, 'dial: i/o timeout', `dial tcp ${hostPort}: i/o timeout`, true);
    default:
      break;
  }
  if (error.syscall === 'connect')
    return mapped(
      K6_ERROR.tcpDial,
      `dial tcp ${hostPort}: ${error.message}`,
      `dial tcp ${hostPort}: ${error.message}`,
      true,
    );
  if (
    typeof error.code === 'string' &&
    /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(error.code)
  ) {
    return mapped(K6_ERROR.tls, error.message, error.message);
  }
  // A connection closed before a complete response: Go's client says "EOF", which k6 passes on as 1000.
  if (error.code === 'ECONNABORTED' || error.message === 'socket hang up')
    return mapped(K6_ERROR.generic, 'EOF', 'EOF');
  return mapped(K6_ERROR.generic, error.message, error.message);
}
