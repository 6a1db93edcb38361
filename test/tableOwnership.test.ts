import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each table has one owning area, and only that area's code holds SQL for it (issue 12): other
 * areas call the owner's store. This reads every shipped .ts file, pulls out its string and
 * template literals (postgres.js tagged templates, sql.unsafe strings, SQL kept in constants) and
 * finds the tables each one reads (from, join, using) or writes (insert into, update, delete from,
 * truncate, ledger_post). A file may touch a table only when it lives under the table's owner.
 */
const OWNERS: Record<string, readonly string[]> = {
  'src/ledger': ['ledger_accounts', 'ledger_transactions', 'ledger_entries'],
  'src/accounts': [
    'accounts',
    'identities',
    'api_keys',
    'link_codes',
    'account_roles',
    'wallet_link_nonces',
    'wallet_links',
  ],
  'src/shared': ['idempotency_records'],
  'src/datanets': ['datanets'],
  'src/contributions': ['contributions', 'contribution_bands'],
  'src/validation': ['validator_stakes', 'votes', 'validation_outcomes', 'gold_votes'],
  'src/chain': ['chain_outbox', 'chain_cursors'],
  'src/anchoring': [
    'contribution_anchor_queue',
    'validation_anchor_queue',
    'contribution_batches',
    'contribution_batch_items',
    'validation_batches',
    'validation_batch_items',
    'account_refs',
  ],
  'src/rewards': [
    'chain_deposits',
    'reward_epochs',
    'reward_commitments',
    'reward_wallets',
    'reward_epoch_leaves',
    'reward_claims',
  ],
  'src/training': ['training_runs'],
  'src/models': ['models'],
  'src/inference': ['inference_calls', 'attribution_settlements', 'receipt_batches'],
  'bots/telegram': [
    'telegram_updates',
    'telegram_notifications',
    'telegram_pending_wallet_links',
    'telegram_event_subscriptions',
    'telegram_event_deliveries',
  ],
  'bots/discord': [
    'discord_event_subscriptions',
    'discord_event_deliveries',
    'discord_review_posts',
    'discord_review_channels',
    'discord_role_permissions',
  ],
  'src/walletPage': ['wallet_page_tokens'],
  'src/ml': ['artifact_chunks', 'artifact_blobs', 'artifact_manifests'],
};

/**
 * Database functions that write tables themselves: calling one writes what it writes. ledger_post_once
 * (migration 0011) also claims an idempotency record: it is withIdempotency's rule applied inside the
 * ledger's own database function so a keyed posting stays one round trip, so only its ledger tables
 * count here.
 */
const FUNCTION_WRITES: Record<string, readonly string[]> = {
  ledger_post: ['ledger_transactions', 'ledger_entries', 'ledger_accounts'],
  ledger_post_once: ['ledger_transactions', 'ledger_entries', 'ledger_accounts'],
};

const ROOT = path.resolve(import.meta.dirname, '..');
const SCANNED = ['src', 'bots', 'jobs', 'mcp'];

const ownerOf = new Map<string, string>();
for (const [owner, tables] of Object.entries(OWNERS)) for (const t of tables) ownerOf.set(t, owner);

function shippedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        out.push(path.relative(ROOT, full).split(path.sep).join('/'));
      }
    }
  };
  for (const top of SCANNED) if (fs.existsSync(path.join(ROOT, top))) walk(path.join(ROOT, top));
  return out.sort();
}

/** Tokens after which a `/` starts a regular expression rather than dividing. */
const BEFORE_REGEX = new Set([...'([{,;:=!&|?+-*%<>~^}'.split(''), 'return', 'typeof', 'case', '']);

/**
 * The text of every string and template literal in a TypeScript file, comments left out. A
 * template's `${...}` holes become a space-separated `$`, and literals inside holes are
 * returned on their own (so `sql\`... ${sql\`...\`}\`` yields both templates).
 */
function literalsOf(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  let lastToken = '';
  // One entry per open template: its text so far and the `{` depth of the hole being read.
  const templates: { text: string; depth: number }[] = [];
  let depth = 0;

  const readTemplateText = (): boolean => {
    // Reads template characters from i until the closing backtick (true) or a `${` hole (false).
    const top = templates[templates.length - 1];
    while (i < source.length) {
      const c = source[i];
      if (c === '\\') {
        top.text += source.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        i++;
        return true;
      } else if (c === '$' && source[i + 1] === '{') {
        top.text += ' $ ';
        i += 2;
        depth++;
        top.depth = depth;
        return false;
      } else {
        top.text += c;
        i++;
      }
    }
    return true;
  };
  const closeTemplate = () => {
    const done = templates.pop();
    if (done) out.push(done.text);
    lastToken = 'literal';
  };

  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== c && source[j] !== '\n') {
        if (source[j] === '\\') {
          text += source.slice(j, j + 2);
          j += 2;
        } else text += source[j++];
      }
      out.push(text);
      i = j + 1;
      lastToken = 'literal';
    } else if (c === '`') {
      i++;
      templates.push({ text: '', depth: -1 });
      if (readTemplateText()) closeTemplate();
    } else if (c === '/' && BEFORE_REGEX.has(lastToken)) {
      // A regular expression literal: skip it, classes and escapes included.
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n') {
        const r = source[j];
        if (r === '/' && !inClass) break;
        if (r === '[') inClass = true;
        if (r === ']') inClass = false;
        j += r === '\\' ? 2 : 1;
      }
      i = j + 1;
      while (i < source.length && /[a-z]/i.test(source[i])) i++;
      lastToken = 'literal';
    } else if (c === '{') {
      depth++;
      lastToken = c;
      i++;
    } else if (c === '}') {
      const top = templates[templates.length - 1];
      if (top && top.depth === depth) {
        // The end of a template hole: the template's text continues.
        depth--;
        i++;
        top.depth = -1;
        if (readTemplateText()) closeTemplate();
      } else {
        depth--;
        lastToken = c;
        i++;
      }
    } else if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z0-9_$]/.test(c)) {
      let j = i;
      while (j < source.length && /[A-Za-z0-9_$]/.test(source[j])) j++;
      const word = source.slice(i, j);
      lastToken = ['return', 'typeof', 'case'].includes(word) ? word : 'word';
      i = j;
    } else {
      lastToken = c === ')' || c === ']' ? 'word' : c;
      i++;
    }
  }
  return out;
}

interface TableUse {
  reads: Set<string>;
  writes: Set<string>;
}

const IDENT = '[a-z_][a-z0-9_]*';
/** Words that end a from-list (so `from a, b where` reads a and b, and nothing after). */
const FROM_LIST = new RegExp(
  `\\b(?:from|using)\\s+((?:only\\s+)?${IDENT}(?:\\s+(?:as\\s+)?${IDENT})?(?:\\s*,\\s*(?:lateral\\s+)?${IDENT}(?:\\s+(?:as\\s+)?${IDENT})?)*)`,
  'g',
);

/** Which known tables one piece of SQL reads and writes. */
function tablesIn(sqlText: string): TableUse {
  const text = sqlText.toLowerCase().replace(/--[^\n]*/g, ' ');
  const reads = new Set<string>();
  const writes = new Set<string>();
  const known = (name: string, into: Set<string>) => {
    if (ownerOf.has(name)) into.add(name);
  };
  for (const m of text.matchAll(new RegExp(`\\binsert\\s+into\\s+(${IDENT})`, 'g'))) known(m[1], writes);
  for (const m of text.matchAll(new RegExp(`\\bdelete\\s+from\\s+(?:only\\s+)?(${IDENT})`, 'g'))) {
    known(m[1], writes);
  }
  for (const m of text.matchAll(new RegExp(`\\btruncate\\s+(?:table\\s+)?(${IDENT})`, 'g')))
    known(m[1], writes);
  for (const m of text.matchAll(
    new RegExp(`(?<!\\bfor\\s+(?:no\\s+key\\s+)?)\\bupdate\\s+(?:only\\s+)?(${IDENT})`, 'g'),
  )) {
    if (m[1] !== 'set' && m[1] !== 'of') known(m[1], writes);
  }
  for (const m of text.matchAll(FROM_LIST)) {
    for (const item of m[1].split(',')) {
      const name = item
        .trim()
        .replace(/^(only|lateral)\s+/, '')
        .split(/\s+/)[0];
      known(name, reads);
    }
  }
  for (const m of text.matchAll(new RegExp(`\\bjoin\\s+(?:lateral\\s+)?(${IDENT})`, 'g'))) known(m[1], reads);
  for (const [fn, tables] of Object.entries(FUNCTION_WRITES)) {
    if (new RegExp(`\\b${fn}\\s*\\(`).test(text)) for (const t of tables) writes.add(t);
  }
  return { reads, writes };
}

function areaOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Every file outside a table's owner that reads or writes it: owner → "file: table (read|write)". */
function violations(): Map<string, string[]> {
  const found = new Map<string, string[]>(Object.keys(OWNERS).map((o) => [o, []]));
  for (const file of shippedFiles()) {
    const reads = new Set<string>();
    const writes = new Set<string>();
    for (const literal of literalsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))) {
      const use = tablesIn(literal);
      for (const t of use.reads) reads.add(t);
      for (const t of use.writes) writes.add(t);
    }
    const area = areaOf(file);
    for (const table of new Set([...reads, ...writes])) {
      const owner = ownerOf.get(table) as string;
      if (area === owner) continue;
      const how = writes.has(table) ? (reads.has(table) ? 'reads and writes' : 'writes') : 'reads';
      found.get(owner)?.push(`${file}: ${how} ${table}`);
    }
  }
  return found;
}

describe('the SQL scanner', () => {
  it('finds reads and writes in tagged templates, unsafe strings and comma joins', () => {
    const literals = literalsOf(
      [
        '// select * from votes (a comment, not SQL)',
        'const a = await tx`insert into contributions #{sql(rows)} returning id`;',
        'const b = await sql`select x from datanets d, votes v join gold_votes g on g.id = #{sql`#{1}`}`;',
        "await tx.unsafe('update identities set account_id = $1');",
        'const re = /`from models`/g;',
        'await tx`select * from ledger_accounts where id = #{id} for update`;',
        "await tx`select ledger_post('fee', null)`;",
        "const words = 'data from a file';",
      ]
        .join('\n')
        // Written with #{ so the strings here are not template holes themselves.
        .replaceAll('#{', '$' + '{'),
    );
    const all = literals.map(tablesIn);
    const reads = new Set(all.flatMap((u) => [...u.reads]));
    const writes = new Set(all.flatMap((u) => [...u.writes]));
    expect([...reads].sort()).toEqual(['datanets', 'gold_votes', 'ledger_accounts', 'votes']);
    expect([...writes].sort()).toEqual([
      'contributions',
      'identities',
      'ledger_accounts',
      'ledger_entries',
      'ledger_transactions',
    ]);
  });

  it('sees the tables of the migrations, and every table there has an owner', () => {
    const created = new Set<string>();
    for (const file of fs.readdirSync(path.join(ROOT, 'migrations'))) {
      const text = fs.readFileSync(path.join(ROOT, 'migrations', file), 'utf8').toLowerCase();
      for (const m of text.matchAll(/create table (?:if not exists )?([a-z_][a-z0-9_]*)/g)) created.add(m[1]);
    }
    expect([...created].filter((t) => !ownerOf.has(t))).toEqual([]);
    expect([...ownerOf.keys()].filter((t) => !created.has(t))).toEqual([]);
  });
});

describe('each table is read and written only by its owning area', () => {
  const found = violations();
  for (const owner of Object.keys(OWNERS)) {
    it(`${owner}: ${OWNERS[owner].join(', ')}`, () => {
      expect(found.get(owner)).toEqual([]);
    });
  }
});
