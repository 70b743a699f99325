export {
  History,
  type RunRecord,
  type RunRow,
  type RunStatus,
  type TrendPoint,
  type BaselineRecord,
} from './history-db.js';
export { historyFile, baselinesDir, listRuns, resolveRunDir } from './paths.js';
export { saveBaseline, findBaseline, baselineOf, listBaselines, deleteBaseline } from './baseline.js';
export { gitCommit } from './git-info.js';
export {
  readManifest,
  readJson,
  baselineObjection,
  MANIFEST_FILE,
  type RunManifest,
} from './run-manifest.js';
export { seriesOf, seriesId, seriesDiff, seriesSlug, SERIES_FIELDS, type Series } from './series.js';
