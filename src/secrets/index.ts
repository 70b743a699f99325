export { readApiKey } from './api-key.js';
export { registerSecret, scrub, scrubValue, redactHeaders, clearSecrets, REDACTED } from './scrub.js';
