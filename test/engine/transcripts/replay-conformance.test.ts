import { defineReplays } from './replay.js';

// The conformance scripts' k6 transcripts, replayed (see replay.ts); the scenarios' are in their own file.
defineReplays('conformance');
