export interface DoctorCheck {
  name: string;
  ready: boolean;
  detail: string;
  /** What to do when it is not ready. */
  fix?: string;
}

export type Env = Record<string, string | undefined>;

export const TIMEOUT_MS = 3000;

export function reason(error: unknown): string {
  // viem's shortMessage (with its details) and AggregateError's first error say more than their messages.
  const e = error as {
    code?: string;
    message?: string;
    shortMessage?: string;
    details?: string;
    errors?: { message?: string }[];
  };
  const message = e?.shortMessage
    ? `${e.shortMessage}${e.details ? ` (${e.details})` : ''}`
    : e?.message || e?.errors?.[0]?.message || e?.code || String(error);
  return message.split('\n')[0].slice(0, 200);
}
