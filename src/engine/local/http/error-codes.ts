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
  readonly message: string;
}

export function mapNetworkError(
  error: NodeJS.ErrnoException,
  hostPort: string,
  timedOut: boolean,
): MappedError {
  if (timedOut) return { code: K6_ERROR.requestTimeout, message: 'request timeout' };
  switch (error.code) {
    case 'ECONNREFUSED':
      return { code: K6_ERROR.tcpDialRefused, message: `dial tcp ${hostPort}: connect: connection refused` };
    case 'ECONNRESET':
      return {
        code: K6_ERROR.tcpResetByPeer,
        message: `read tcp ${hostPort}: read: connection reset by peer`,
      };
    case 'EPIPE':
      return { code: K6_ERROR.tcpBrokenPipe, message: `write tcp ${hostPort}: write: broken pipe` };
    case 'ENOTFOUND':
      return {
        code: K6_ERROR.dnsNoSuchHost,
        message: `lookup ${hostPort.replace(/:\d+$/, '')}: no such host`,
      };
    case 'EAI_AGAIN':
      return {
        code: K6_ERROR.dns,
        message: `lookup ${hostPort.replace(/:\d+$/, '')}: temporary failure in name resolution`,
      };
    case 'ETIMEDOUT':
      return { code: K6_ERROR.tcpDialTimeout, message: `dial tcp ${hostPort}: i/o timeout` };
    default:
      break;
  }
  if (error.syscall === 'connect')
    return { code: K6_ERROR.tcpDial, message: `dial tcp ${hostPort}: ${error.message}` };
  if (
    typeof error.code === 'string' &&
    /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(error.code)
  ) {
    return { code: K6_ERROR.tls, message: error.message };
  }
  // A connection closed before a complete response ("socket hang up") is a TCP-level error in k6.
  if (error.code === 'ECONNABORTED' || error.message === 'socket hang up')
    return { code: K6_ERROR.tcp, message: `read tcp ${hostPort}: EOF` };
  return { code: K6_ERROR.generic, message: error.message };
}
