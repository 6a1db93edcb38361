/** Ledger entry roles that are earnings (credits for contributing, validating or developing). */
export const EARNING_ROLES = ['contributor', 'validator', 'developer'] as const;
export type EarningRole = (typeof EARNING_ROLES)[number];
