import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { parseContributionFile } from './parseContributionFile.ts';

const limits = { maxFileBytes: 10_000, maxItems: 3 };
const utf8 = (s: string) => Buffer.from(s, 'utf8');

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('parseContributionFile', () => {
  it('takes a .txt or .md file as one item, whole', () => {
    const poem = 'باد آمد\n\nو بوی گل آورد\n';
    expect(parseContributionFile('poem.txt', utf8(poem), limits)).toEqual([poem]);
    expect(parseContributionFile('notes.MD', utf8('# Title\n\ntext'), limits)).toEqual(['# Title\n\ntext']);
  });

  it('drops a UTF-8 BOM', () => {
    expect(parseContributionFile('a.txt', utf8('\uFEFFhello'), limits)).toEqual(['hello']);
  });

  it('takes one item per non-blank .jsonl line: objects with "text" or bare strings', () => {
    const file = '{"text": "first", "source": "me"}\r\n\n   \n"second"\n{"text":"سوم"}\n';
    expect(parseContributionFile('rows.jsonl', utf8(file), limits)).toEqual(['first', 'second', 'سوم']);
  });

  it('names the line of a bad .jsonl row, counting blank lines', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"text": "ok"}\n\n{"text": "unterminated}\n', /^line 3: not valid JSON/],
      ['{"text": "ok"}\n{"body": "x"}\n', /^line 2: the object has no "text" field/],
      ['{"text": 5}\n', /^line 1: "text" is a number, expected a string/],
      ['"ok"\n[1, 2]\n', /^line 2: got an array/],
      ['"ok"\nnull\n', /^line 2: got null/],
      ['{"text": "  "}\n', /^line 1: the text is empty/],
    ];
    for (const [file, message] of cases) {
      const e = refusal(() => parseContributionFile('rows.jsonl', utf8(file), limits));
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message).toMatch(message);
    }
    expect(refusal(() => parseContributionFile('r.jsonl', utf8('"a"\n"b"\n7\n'), limits)).details).toEqual({
      line: 3,
    });
  });

  it('refuses other extensions, listing the accepted ones', () => {
    for (const name of ['poem.pdf', 'poem', 'archive.txt.gz', '.txt']) {
      const e = refusal(() => parseContributionFile(name, utf8('x'), limits));
      expect(e.code).toBe('BAD_INPUT');
      expect(e.message).toContain('.txt, .md, .jsonl');
    }
  });

  it('refuses invalid UTF-8', () => {
    const e = refusal(() => parseContributionFile('a.txt', Buffer.from([0x61, 0xc3, 0x28]), limits));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/not valid UTF-8/);
  });

  it('refuses files over the byte limit and .jsonl files over the item limit', () => {
    const big = refusal(() => parseContributionFile('a.txt', Buffer.alloc(10_001, 0x61), limits));
    expect(big.code).toBe('TOO_LARGE');
    expect(big.details).toEqual({ bytes: 10_001, limit: 10_000 });
    const many = refusal(() => parseContributionFile('r.jsonl', utf8('"a"\n"b"\n\n"c"\n"d"\n'), limits));
    expect(many.code).toBe('TOO_LARGE');
    expect(many.message).toMatch(/more than 3 items \(line 5/);
    expect(parseContributionFile('r.jsonl', utf8('"a"\n"b"\n"c"\n\n'), limits)).toHaveLength(3);
  });

  it('refuses empty files', () => {
    expect(refusal(() => parseContributionFile('a.txt', utf8(' \n\t'), limits)).code).toBe('BAD_INPUT');
    expect(refusal(() => parseContributionFile('a.jsonl', utf8('\n\n'), limits)).message).toMatch(/no items/);
  });
});
