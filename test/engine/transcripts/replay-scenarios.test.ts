import { defineReplays } from './replay.js';

// The scenario bundles' k6 transcripts, replayed against the embedded reference (see replay.ts).
defineReplays('scenario');
