import { formatTokens } from '../src/shared/amount.ts';

/** A wire amount (decimal string of base units) as people read it: "12.5 tokens". */
export const tokens = (baseUnits: string): string => `${formatTokens(BigInt(baseUnits))} tokens`;
