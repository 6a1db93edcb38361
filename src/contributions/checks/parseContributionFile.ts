import { AppError, badInput } from '../../errors.ts';

export interface ContributionFileLimits {
  /** Largest accepted file, in bytes. */
  maxFileBytes: number;
  /** Most items one file may hold (.jsonl rows). */
  maxItems: number;
}

export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.jsonl'] as const;

// One decoder for all calls: `fatal` makes invalid UTF-8 an exception instead of silent U+FFFD,
// and the default BOM handling drops a leading BOM that Windows editors add.
const utf8 = new TextDecoder('utf-8', { fatal: true });

const JSONL_HINT = 'each line must be a JSON object with a string "text" field, or a JSON string';

function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function jsonlItem(line: string, lineNo: number): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw badInput(`line ${lineNo}: not valid JSON (${why}); ${JSONL_HINT}.`, { line: lineNo });
  }
  let text: unknown = value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if (!Object.hasOwn(value, 'text')) {
      throw badInput(`line ${lineNo}: the object has no "text" field; ${JSONL_HINT}.`, { line: lineNo });
    }
    text = (value as Record<string, unknown>).text;
    if (typeof text !== 'string') {
      throw badInput(`line ${lineNo}: "text" is ${describe(text)}, expected a string.`, { line: lineNo });
    }
  } else if (typeof value !== 'string') {
    throw badInput(`line ${lineNo}: got ${describe(value)}; ${JSONL_HINT}.`, { line: lineNo });
  }
  if ((text as string).trim() === '') {
    throw badInput(`line ${lineNo}: the text is empty.`, { line: lineNo });
  }
  return text as string;
}

/**
 * Splits an uploaded file into item texts (raw: the caller normalises and checks each item).
 * `.txt` and `.md` are one item; `.jsonl` is one item per non-blank line. Refusals name the
 * problem precisely, and for .jsonl the 1-based line number, so a contributor can fix the file
 * without guessing; one bad line refuses the whole file rather than silently dropping rows.
 *
 * @throws AppError BAD_INPUT (extension, UTF-8, JSON, empty), TOO_LARGE (bytes, items)
 */
export function parseContributionFile(
  filename: string,
  content: Uint8Array,
  limits: ContributionFileLimits,
): string[] {
  const ext = extensionOf(filename);
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw badInput(
      `${filename}: ${ext ? `${ext} files are` : 'files without an extension are'} not accepted; ` +
        `send ${ACCEPTED_EXTENSIONS.join(', ')}.`,
      { accepted: [...ACCEPTED_EXTENSIONS] },
    );
  }
  if (content.byteLength > limits.maxFileBytes) {
    throw new AppError(
      'TOO_LARGE',
      `${filename} is ${content.byteLength} bytes; the limit is ${limits.maxFileBytes} bytes.`,
      { bytes: content.byteLength, limit: limits.maxFileBytes },
    );
  }
  let text: string;
  try {
    text = utf8.decode(content);
  } catch {
    throw badInput(`${filename} is not valid UTF-8 text; save it as UTF-8 and send it again.`);
  }

  if (ext !== '.jsonl') {
    if (text.trim() === '') throw badInput(`${filename} is empty.`);
    return [text];
  }

  const items: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.trim() === '') continue;
    if (items.length === limits.maxItems) {
      throw new AppError(
        'TOO_LARGE',
        `${filename} has more than ${limits.maxItems} items (line ${i + 1} is one too many).`,
        { limit: limits.maxItems, line: i + 1 },
      );
    }
    items.push(jsonlItem(line, i + 1));
  }
  if (items.length === 0) throw badInput(`${filename} has no items; ${JSONL_HINT}.`);
  return items;
}
