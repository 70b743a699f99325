import { connect } from 'node:net';
import { boundHint } from '../config/index.js';
import { HarnessError } from '../errors/index.js';

/** Used when no connectTimeoutMs is given (kept equal to the config default). */
export const CONNECT_TIMEOUT_MS = 3000;

/**
 * Opens (and closes) a TCP connection to the target's host, so an unreachable URL is
 * reported before any check runs, without spending a request or a credit.
 */
export async function probeReachable(baseUrl: string, timeoutMs: number = CONNECT_TIMEOUT_MS): Promise<void> {
  const url = new URL(baseUrl);
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (why: string, timedOut = false): void => {
      socket.destroy();
      const raise = timedOut
        ? ` If it is only slow to accept connections, raise connectTimeoutMs with --connect-timeout or HARNESS_CONNECT_TIMEOUT_MS.`
        : '';
      reject(
        new HarnessError('HARNESS_ERR_TARGET_UNREACHABLE', `cannot connect to ${url.host} (${why})`, {
          hint: `Check that the deployment at ${url.origin} is running and reachable from here, or fix baseUrl in the target profile.${raise}`,
        }),
      );
    };
    // A socket timeout is idle time; before 'connect' that is the whole wait for the handshake.
    socket.setTimeout(timeoutMs, () =>
      fail(`no connection within ${timeoutMs} ms ${boundHint('connectTimeoutMs')}`, true),
    );
    socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
  });
}
