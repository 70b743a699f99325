/** The k6 transcripts' machinery, shared by `npm run record:k6` and the replay tests. */
export {
  listSubjects,
  variantsOf,
  prepareSubjects,
  scriptHash,
  type Subject,
  type SubjectKind,
  type Prepared,
} from './subjects.js';
export { commandFor, runSubject, type Command, type SubjectRun } from './run-subject.js';
export { startStage, type Stage } from './stage.js';
export { inspectSubject, executorsOf, type Inspected } from './executors.js';
export { REFERENCE } from './stage.js';
export type { Observation, Series } from './observe.js';
export {
  HEADER,
  RECORD_COMMAND,
  readTranscripts,
  staleness,
  transcriptPath,
  writeTranscript,
  type Transcript,
} from './transcript.js';
export {
  PLANNED_COUNT,
  compareSegmentRun,
  segmentFacts,
  sequenceFlag,
  type SegmentFacts,
} from './segments.js';
export {
  TOLERANCE,
  compareRun,
  keyPaths,
  tagNameSets,
  verdicts,
  withinTolerance,
  type Verdict,
} from './compare.js';
