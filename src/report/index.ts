export { writeReport, type WriteReportOptions } from './write-report.js';
export { renderReport, chartSpecs } from './render-report.js';
export { loadReportData, type ReportData, type ReportExtras } from './report-data.js';
export {
  summarizeSamples,
  historyMetrics,
  isTimeout,
  type RunSummary,
  type EndpointStats,
} from './summarize-run.js';
export { escapeHtml, jsonForScript } from './html-escape.js';
export type { ChartSpec } from './charts.js';
