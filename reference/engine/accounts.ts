import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type AccountName = 'full' | 'noPermission' | 'noCredits';

export interface ReferenceKeys {
  full: string;
  noPermission: string;
  noCredits: string;
}

export interface Account {
  readonly name: AccountName;
  /** Credits left; Infinity for the full key. Charged per execution. */
  credits: number;
  /** Workflow ids this account may not execute (403). */
  readonly denied: ReadonlySet<string>;
}

/** The workflow the noPermission key may not run: the docs' example, the profile's fast role. */
export const DENIED_FOR_NO_PERMISSION = '12345';

export function randomKeys(): ReferenceKeys {
  const key = (): string => `ref_${randomBytes(16).toString('hex')}`;
  return { full: key(), noPermission: key(), noCredits: key() };
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * The three demo accounts. Keys are compared as SHA-256 digests with
 * timingSafeEqual against every account, without an early exit, so the time to
 * answer does not reveal how much of a key was right.
 */
export class Accounts {
  private readonly entries: ReadonlyArray<{ digest: Buffer; account: Account }>;
  readonly full: Account;

  constructor(keys: ReferenceKeys) {
    this.full = { name: 'full', credits: Number.POSITIVE_INFINITY, denied: new Set() };
    this.entries = [
      { digest: digest(keys.full), account: this.full },
      {
        digest: digest(keys.noPermission),
        account: {
          name: 'noPermission',
          credits: Number.POSITIVE_INFINITY,
          denied: new Set([DENIED_FOR_NO_PERMISSION]),
        },
      },
      { digest: digest(keys.noCredits), account: { name: 'noCredits', credits: 0, denied: new Set() } },
    ];
  }

  resolve(presented: string | undefined): Account | undefined {
    if (presented === undefined || presented === '') return undefined;
    const candidate = digest(presented);
    let found: Account | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(candidate, entry.digest)) found = entry.account;
    }
    return found;
  }
}
