import type { LoadRun } from '../types/generated/load-run.js';

type Dashboard = NonNullable<LoadRun['dashboard']>;

/** Where k6's web dashboard listens when the user does not say: this machine only. */
export const DASHBOARD_DEFAULT_HOST = '127.0.0.1';

/**
 * The K6_WEB_DASHBOARD* variables for a k6 run: on, exported to `exportPath`, no browser, and
 * bound to loopback — k6's own default listens on every interface, which would publish the
 * run's live metrics to the network. The user's K6_WEB_DASHBOARD_HOST/PORT/PERIOD win, and
 * K6_WEB_DASHBOARD=false turns the dashboard off.
 */
export function dashboardEnv(user: NodeJS.ProcessEnv, exportPath: string): Record<string, string> {
  if (user.K6_WEB_DASHBOARD === 'false') return {};
  return {
    K6_WEB_DASHBOARD: 'true',
    K6_WEB_DASHBOARD_EXPORT: exportPath,
    K6_WEB_DASHBOARD_OPEN: 'false',
    K6_WEB_DASHBOARD_HOST: user.K6_WEB_DASHBOARD_HOST ?? DASHBOARD_DEFAULT_HOST,
  };
}

// k6's logfmt lines about the dashboard, e.g. level=warning msg="The test run was short, report
// generation was skipped (not enough data)" or msg="Error from Web dashboard" error="listen tcp …".
const LINE = /level=(?:warning|error)\s+msg="((?:[^"\\]|\\.)*)"(?:\s+error="((?:[^"\\]|\\.)*)")?/;
const ABOUT_DASHBOARD = /dashboard|report generation/i;

/** Collects what k6 says about its dashboard from its output, chunk by chunk. */
export class DashboardWatcher {
  readonly #said: string[] = [];
  #partial = '';

  scan(chunk: string): void {
    const lines = (this.#partial + chunk).split('\n');
    this.#partial = lines.pop() ?? '';
    // A line cut by a chunk boundary is completed by the next chunk; bound what is kept.
    if (this.#partial.length > 4096) this.#partial = '';
    for (const line of lines) {
      const m = LINE.exec(line);
      if (m !== null && ABOUT_DASHBOARD.test(line))
        this.#said.push(m[2] === undefined ? m[1] : `${m[1]}: ${m[2]}`);
    }
  }

  /** The dashboard's outcome for load-run.json; `reason` when there is no export. */
  outcome(env: Readonly<Record<string, string>>, user: NodeJS.ProcessEnv, exported: boolean): Dashboard {
    this.scan('\n');
    const said = this.#said.join('; ');
    return {
      host: env.K6_WEB_DASHBOARD_HOST ?? DASHBOARD_DEFAULT_HOST,
      ...(user.K6_WEB_DASHBOARD_PORT === undefined ? {} : { port: user.K6_WEB_DASHBOARD_PORT }),
      exported,
      ...(exported
        ? {}
        : {
            reason:
              said !== ''
                ? `k6: ${said}`
                : 'k6 wrote no export and said nothing about it (is the run shorter than K6_WEB_DASHBOARD_PERIOD, 10 s by default?)',
          }),
    };
  }
}
