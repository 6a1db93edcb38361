import type { App } from '../src/app.ts';
import type { DemoBook } from './demoBook.ts';
import type { DemoPrinter } from './demoPrinter.ts';

export interface Person {
  name: string;
  /** What they do in the story, for the tables. */
  role: string;
  accountId: string;
  /** How they reach Potluck, e.g. `discord:…` or `MCP (API key)`. */
  via: string;
}

export interface Cast {
  poet: Person & { telegram: string };
  validators: [Person, Person, Person];
  developer: Person;
  users: [Person, Person];
  agent: Person & { apiKey: string };
}

export interface DemoContext {
  app: App;
  out: DemoPrinter;
  book: DemoBook;
}

/** Everyone in the story, in table order. */
export const everyone = (cast: Cast): Person[] => [
  cast.poet,
  ...cast.validators,
  cast.developer,
  ...cast.users,
  cast.agent,
];

/** A person's name for an account id, or the id itself. */
export function nameOf(cast: Cast, accountId: string | null): string {
  if (accountId === null) return 'protocol treasury';
  return everyone(cast).find((p) => p.accountId === accountId)?.name ?? `account #${accountId}`;
}
