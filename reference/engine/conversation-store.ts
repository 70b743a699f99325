import { randomUUID } from 'node:crypto';
import type { AccountName } from './accounts.js';

export type TurnStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface TurnRecord {
  readonly mode: 'sync' | 'background';
  status: TurnStatus;
  readonly input: Readonly<Record<string, unknown>>;
  output: Record<string, unknown> | null;
  executionPath: readonly string[];
  errors: readonly string[];
  warnings: readonly string[];
  /** Charged when the turn finishes (0 until then). */
  creditUsage: number;
  /** Epoch milliseconds (fractional): the ground truth of when the work really happened. */
  readonly queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface ConversationRecord {
  readonly id: string;
  readonly workflowId: string;
  version: number;
  readonly account: AccountName;
  readonly turns: TurnRecord[];
}

const isFinished = (c: ConversationRecord): boolean => c.turns.every((t) => t.finishedAt !== null);

/**
 * Every execution's conversation, in memory. Bounded: past `retention`
 * conversations, the least recently used finished ones are evicted (a
 * conversation with a turn still running is never evicted).
 */
export class ConversationStore {
  private readonly map = new Map<string, ConversationRecord>();

  constructor(private readonly retention: number) {}

  get size(): number {
    return this.map.size;
  }

  get(id: string): ConversationRecord | undefined {
    return this.map.get(id);
  }

  create(workflowId: string, version: number, account: AccountName): ConversationRecord {
    const record: ConversationRecord = { id: randomUUID(), workflowId, version, account, turns: [] };
    // Make room first, so the new (still empty) conversation is never the one evicted.
    this.evict(this.retention - 1);
    this.map.set(record.id, record);
    return record;
  }

  /** Marks a conversation as recently used, so eviction takes older ones first. */
  touch(record: ConversationRecord): void {
    this.map.delete(record.id);
    this.map.set(record.id, record);
  }

  private evict(limit: number): void {
    if (this.map.size <= limit) return;
    // Map iterates in insertion (= least recently used) order.
    for (const [id, record] of this.map) {
      if (this.map.size <= limit) return;
      if (isFinished(record)) this.map.delete(id);
    }
  }
}
