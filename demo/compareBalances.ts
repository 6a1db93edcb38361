/**
 * Accounts whose balances differ between two views (a key missing on one side counts as zero), as
 * `key: expected X, found Y` lines. Pure, so a test can show it catches a difference.
 */
export function compareBalances(
  expected: ReadonlyMap<string, bigint>,
  actual: ReadonlyMap<string, bigint>,
): string[] {
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  const differences: string[] = [];
  for (const key of [...keys].sort()) {
    const want = expected.get(key) ?? 0n;
    const got = actual.get(key) ?? 0n;
    if (want !== got) differences.push(`${key}: expected ${want}, found ${got}`);
  }
  return differences;
}
