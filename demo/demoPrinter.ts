import { formatTokens } from '../src/shared/amount.ts';

export interface DemoPrinter {
  /** A numbered step of the story. */
  step(title: string): void;
  /** A line under the current step. */
  say(text: string): void;
  /** A section without a number (the tables, the checks). */
  heading(title: string): void;
  /** Left-aligned first column, right-aligned amounts after it, unless `align` says otherwise. */
  table(headers: string[], rows: string[][], align?: ('left' | 'right')[]): void;
  raw(text: string): void;
}

/** Amounts in tokens for people, never base units. */
export const tokens = (amount: bigint | string) => formatTokens(BigInt(amount));

/** "1 token", "2.5 tokens". */
export const tokensText = (amount: bigint | string) =>
  `${tokens(amount)} token${BigInt(amount) === 10n ** 18n ? '' : 's'}`;

/** The first line of a text, cut to `max` characters. */
export function preview(text: string, max = 48): string {
  const first = text.split('\n')[0];
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

export function createDemoPrinter(write: (text: string) => void): DemoPrinter {
  let steps = 0;
  return {
    step(title) {
      steps += 1;
      write(`\n${steps}. ${title}\n`);
    },
    say(text) {
      write(`   ${text}\n`);
    },
    heading(title) {
      write(`\n${title}\n`);
    },
    table(headers, rows, align) {
      const cols = headers.length;
      const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
      const side = (i: number) => align?.[i] ?? (i === 0 ? 'left' : 'right');
      const render = (cells: string[]) =>
        cells
          .slice(0, cols)
          .map((c, i) => (side(i) === 'left' ? c.padEnd(widths[i]) : c.padStart(widths[i])))
          .join('  ')
          .trimEnd();
      write(`   ${render(headers)}\n`);
      write(`   ${widths.map((w) => '─'.repeat(w)).join('  ')}\n`);
      for (const row of rows) write(`   ${render(row)}\n`);
    },
    raw(text) {
      write(text);
    },
  };
}
