import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  completionCdfChart,
  histogramChart,
  percentileChart,
  throughputChart,
  timeoutShareChart,
  trendChart,
  type ChartSpec,
} from './charts.js';
import { escapeHtml as e, jsonForScript } from './html-escape.js';
import type { ReportData } from './report-data.js';
import { verdictSection } from './verdict.js';
import {
  comparisonSection,
  contractSection,
  latencySection,
  loadRunSection,
  metadataSection,
} from './sections.js';
import { shardsSection } from './shards-section.js';
import { thresholdsOf, thresholdsSection } from './thresholds-section.js';

let chartJs: string | undefined;

/** chart.js's UMD build, inlined so the page opens with no network. */
function chartLibrary(): string {
  if (chartJs === undefined) {
    const main = createRequire(import.meta.url).resolve('chart.js');
    chartJs = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8').replace(
      /<\/script/gi,
      '<\\/script',
    );
  }
  return chartJs;
}

// Builds every chart from the embedded JSON; the instances are kept on window for the browser test.
const BOOT = `(function(){
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  window.__harnessCharts = specs.map(function (s) { return new Chart(document.getElementById(s.id), s.config); });
  document.body.setAttribute('data-charts', String(window.__harnessCharts.length));
})();`;

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
td.key{color:#555}.passed{color:#1a7f37}.failed,.verdict.regression{color:#cf222e;font-weight:bold}.skipped{color:#9a6700}
.outcome.failed{background:#ffebe9}.failure{margin:2px 0}.chart{position:relative;height:300px;margin:8px 0 24px}.none{color:#777}
code{background:#f6f8fa;padding:0 3px}
.verdict-block{padding:4px 12px 8px;border-radius:4px;border:1px solid #ddd}.verdict-block.ok{background:#dafbe1}.verdict-block.bad{background:#ffebe9}.verdict-block.warn{background:#fff8c5}
.verdict-block h2{border:0;margin:6px 0}.verdict-block .exit{font-weight:normal;font-size:14px;color:#555}.verdict-lines{margin:0;padding-left:18px}
.verdict-lines>li{margin:3px 0}.verdict-lines>li.bad>b{color:#cf222e}.verdict-lines>li.ok>b{color:#1a7f37}.verdict-lines ul{margin:1px 0;padding-left:18px;font-size:13px}`;

export function chartSpecs(data: ReportData): ChartSpec[] {
  const specs: (ChartSpec | undefined)[] = [];
  if (data.summary !== undefined && data.samples !== undefined) {
    specs.push(
      percentileChart(data.summary),
      histogramChart(data.samples, data.summary),
      throughputChart(data.samples, data.summary),
      completionCdfChart(
        data.summary,
        data.loadRun?.detectionLag as { medianMs?: number | null; p95Ms?: number | null } | undefined,
      ),
      timeoutShareChart(data.samples),
    );
  }
  specs.push(trendChart(data.trend));
  return specs.filter((s): s is ChartSpec => s !== undefined);
}

/** The whole self-contained page. Every value from the run is escaped (text) or JSON-escaped (script data). */
export function renderReport(data: ReportData): string {
  const m = data.manifest;
  const specs = chartSpecs(data);
  const used = data.loadRun?.engine as
    string | { kind?: string; version?: string; reason?: string } | undefined;
  const engine =
    typeof used === 'object'
      ? [used.kind, used.version, used.reason === undefined ? undefined : `(${used.reason})`]
          .filter((x) => x !== undefined)
          .join(' ')
      : used;
  const charts = specs
    .map(
      (s) =>
        `<div><h3>${e(s.title)}</h3><div class="chart"><canvas id="${e(s.id)}" role="img" aria-label="${e(s.title)}"></canvas></div></div>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(`Harness report ${m.runId} — ${m.target.name}`)}</title><style>${STYLE}</style></head>
<body>
<h1>Workflow API harness — run ${e(m.runId)}</h1>
${verdictSection(data)}
${metadataSection(m, engine)}
${contractSection(data.verify)}
${thresholdsSection(thresholdsOf(data.loadRun))}
${shardsSection(data.loadRun)}
${latencySection(data.summary)}
<section id="charts"><h2>Charts</h2>${charts || '<p class="none">No samples to chart.</p>'}</section>
${existsSync(join(data.runDir, 'load-dashboard.html')) ? '<p>k6 web dashboard export: <a href="load-dashboard.html">load-dashboard.html</a> (same folder).</p>' : ''}
${loadRunSection(data.loadRun)}
${comparisonSection(data.comparison, data.comparisonNote)}
<script type="application/json" id="chart-specs">${jsonForScript(specs)}</script>
<script>${chartLibrary()}</script>
<script>${BOOT}</script>
</body></html>
`;
}
