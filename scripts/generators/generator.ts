/** A generator produces files (repo-relative path → content) from schemas/. */
export interface Generator {
  readonly name: string;
  generate(): Promise<Map<string, string>>;
}
