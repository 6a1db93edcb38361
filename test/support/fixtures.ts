import type { App } from '../../src/app.ts';

let counter = 0;
/** A fresh Discord-style person with faucet funds. */
export async function fundedPerson(app: App, name = 'person'): Promise<string> {
  counter += 1;
  const id = `${Date.now() % 1_000_000}${counter}${Math.floor(Math.random() * 1000)}`;
  const { accountId } = await app.accounts.resolveIdentity({ identity: `discord:${id}`, displayName: name });
  await app.ledger.requestFaucet({ accountId, idempotencyKey: `seed-${id}` });
  return accountId;
}

export const TOKEN = 10n ** 18n;
