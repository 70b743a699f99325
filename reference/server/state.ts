import type { Accounts } from '../engine/accounts.js';
import type { ConversationStore } from '../engine/conversation-store.js';
import type { Executor } from '../engine/executor.js';
import type { FaultHooks } from '../faults/index.js';
import type { ResolvedOptions } from '../options.js';
import type { WorkflowDefinition } from '../workflows/index.js';

/** Everything a running reference instance shares between its routes. */
export interface ReferenceState {
  readonly options: ResolvedOptions;
  readonly accounts: Accounts;
  readonly store: ConversationStore;
  readonly executor: Executor;
  readonly hooks: readonly FaultHooks[];
  /** Only the hooks that rewrite answers; empty on the fast path without faults. */
  readonly answerHooks: ReadonlyArray<NonNullable<FaultHooks['answer']>>;
  readonly workflows: ReadonlyMap<string, WorkflowDefinition>;
  /** Workflow id → its versions, for "unknown version" messages. */
  readonly versions: ReadonlyMap<string, readonly number[]>;
  /** Scaled sync limit in ms. */
  readonly syncLimitMs: number;
  requestCount: number;
}
