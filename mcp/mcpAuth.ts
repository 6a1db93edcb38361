import { AppError } from '../src/errors.ts';

/**
 * Who is calling. Over stdio it is fixed for the session (POTLUCK_API_KEY, or a guest without
 * one); over HTTP it comes from each request's bearer key.
 */
export interface McpAuth {
  accountId: string | null;
  keyId: string | null;
}

export const guestAuth: McpAuth = { accountId: null, keyId: null };

/** The caller's account; a guest is told how to get one rather than refused silently. */
export function requireAccount(auth: McpAuth): string {
  if (auth.accountId) return auth.accountId;
  throw new AppError(
    'UNAUTHENTICATED',
    'This tool needs an account. Set POTLUCK_API_KEY (create a key with `potluck agent create <name>`) and reconnect.',
  );
}
