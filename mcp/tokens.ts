import { formatTokenAmount } from '../src/shared/formatTokenAmount.ts';

/** A wire amount (decimal string of base units) as people read it: "12.5 POT". */
export const tokens = (baseUnits: string): string => formatTokenAmount(BigInt(baseUnits));
