import type { Cast, DemoContext, Person } from './demoContext.ts';
import { tokens } from './demoPrinter.ts';

// Made-up Discord and Telegram user ids: identities only need to be stable within the demo.
const people = {
  poet: { name: 'Shirin', role: 'poet', identity: 'discord:100000000000000001' },
  kaveh: { name: 'Kaveh', role: 'validator', identity: 'discord:100000000000000002' },
  laleh: { name: 'Laleh', role: 'validator', identity: 'discord:100000000000000003' },
  babak: { name: 'Babak', role: 'validator', identity: 'discord:100000000000000004' },
  developer: { name: 'Omid', role: 'developer', identity: 'discord:100000000000000005' },
  maryam: { name: 'Maryam', role: 'user', identity: 'discord:100000000000000006' },
  sam: { name: 'Sam', role: 'user', identity: 'telegram:700000001' },
} as const;
const POET_TELEGRAM = 'telegram:700000002';

/**
 * Everyone arrives the way they would in a community: a Discord or Telegram user gets an account
 * on their first action, the agent gets an API key, and each takes development tokens from the
 * faucet (the agent does that itself, over MCP, later). Shirin also joins her Telegram account to
 * her Discord one with a one-time code.
 */
export async function meetCast(ctx: DemoContext): Promise<Cast> {
  const { app, out, book } = ctx;
  out.step('Meet the people (accounts are created on first contact, funded by the dev faucet)');
  const join = async (key: keyof typeof people): Promise<Person> => {
    const p = people[key];
    const { accountId } = await app.accounts.resolveIdentity({ identity: p.identity, displayName: p.name });
    const faucet = await app.ledger.requestFaucet({ accountId, idempotencyKey: 'demo-start' });
    book.move('system:faucet', accountId, faucet.amount, 'dev faucet');
    out.say(
      `${p.name.padEnd(7)} ${p.role.padEnd(10)} account #${accountId.padEnd(3)} via ${p.identity.split(':')[0].padEnd(8)} +${tokens(faucet.amount)} tokens`,
    );
    return { name: p.name, role: p.role, accountId, via: p.identity };
  };
  const poet = await join('poet');
  const validators: Cast['validators'] = [await join('kaveh'), await join('laleh'), await join('babak')];
  const developer = await join('developer');
  const users: Cast['users'] = [await join('maryam'), await join('sam')];
  const agent = await app.accounts.createAgent({ name: 'Hoopoe' });
  out.say(
    `Hoopoe  AI agent   account #${agent.accountId.padEnd(3)} via MCP      API key ${agent.apiKey.slice(0, 12)}… (shown once)`,
  );

  // The same person on two apps: a one-time code joins Telegram to her Discord account.
  const { code } = await app.accounts.createLinkCode({ accountId: poet.accountId });
  const linked = await app.accounts.redeemLinkCode({ identity: POET_TELEGRAM, code });
  if (linked.accountId !== poet.accountId) throw new Error('the link code joined the wrong account');
  out.say(`Shirin links her Telegram account with the one-time code ${code}: one account, two apps`);
  return {
    poet: { ...poet, telegram: POET_TELEGRAM },
    validators,
    developer,
    users,
    agent: {
      name: 'Hoopoe',
      role: 'AI agent',
      accountId: agent.accountId,
      via: 'MCP',
      apiKey: agent.apiKey,
    },
  };
}
