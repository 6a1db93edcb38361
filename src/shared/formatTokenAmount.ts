import { formatTokens } from './amount.ts';

/** The Potluck token's symbol (PotluckToken.sol); amounts shown to people always carry it. */
const TOKEN_SYMBOL = 'POT';

const groupThousands = (decimal: string) => {
  const [whole, frac] = decimal.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
};

/**
 * "1,234.5 POT": at most 4 decimals (enough to see a per-call share), tiny amounts in full so a
 * real payout never reads as 0, thousands grouped so large pools stay readable. `digits` writes
 * the unsigned decimal in a language's digits and grouping (English grouping by default).
 */
export function formatTokenAmount(
  amount: bigint,
  options: { signed?: boolean; digits?: (decimal: string) => string } = {},
): string {
  const magnitude = formatTokens(amount < 0n ? -amount : amount, 4);
  const sign = amount < 0n ? '−' : options.signed && amount > 0n ? '+' : '';
  return `${sign}${(options.digits ?? groupThousands)(magnitude)} ${TOKEN_SYMBOL}`;
}
