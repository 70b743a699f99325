export { History, type RunRecord, type TrendPoint, type BaselineRecord } from './history-db.js';
export { historyFile, baselinesDir, listRuns, resolveRunDir } from './paths.js';
export { saveBaseline, findBaseline } from './baseline.js';
export { gitCommit } from './git-info.js';
export { readManifest, readJson, seriesKey, MANIFEST_FILE, type RunManifest } from './run-manifest.js';
