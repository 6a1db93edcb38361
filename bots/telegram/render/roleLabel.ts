import { type Html, text } from './html.ts';

const LABELS: Record<string, string> = {
  contributor: 'as contributor',
  validator: 'as validator',
  developer: 'as developer',
};

/** Ledger roles in words; an unknown future role is shown as it is named. */
export const roleLabel = (role: string): Html => text(LABELS[role] ?? role);
