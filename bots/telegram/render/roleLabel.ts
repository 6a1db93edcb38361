import { type Translator, translator } from '../../i18n/translator.ts';
import { type Html, text } from './html.ts';

const LABELS: Record<string, string> = {
  contributor: 'role-contributor',
  validator: 'role-validator',
  developer: 'role-developer',
};

/** Ledger roles in words; an unknown future role is shown as it is named. */
export const roleLabel = (role: string, tr: Translator = translator('en')): Html =>
  text(LABELS[role] ? tr.t(LABELS[role]) : role);
