export { createRunDir, newRunId, type RunDir } from './run-dir.js';
export { watchInterrupts, SIGNAL_EXIT_CODE, type InterruptWatch, type StopSignal } from './interrupt.js';
