export { createRunDir, newRunId, type RunDir } from './run-dir.js';
