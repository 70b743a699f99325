import { isHarnessError } from '../../errors/index.js';

/**
 * The exit code `k6 run` gives for an error that stops a test before or instead of its end:
 * 104 for invalid options (k6's InvalidConfig; a malformed execution segment too, where k6 exits 255), 107 for everything else the script causes
 * (k6's ScriptException, which is also where the local engine's unsupported APIs land).
 */
export function exitCodeForError(error: unknown): number {
  if (
    isHarnessError(error) &&
    (error.code === 'HARNESS_ERR_ENGINE_OPTIONS' ||
      error.code === 'HARNESS_ERR_CONFIG_INVALID' ||
      error.code === 'HARNESS_ERR_EXECUTION_SEGMENT')
  )
    return 104;
  return 107;
}
