import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jobsWithoutChainClock } from '../jobs/jobDefinitions.ts';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { isAppError } from '../src/errors.ts';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { askTheModel } from './askTheModel.ts';
import { type Check, checkLedger } from './checkLedger.ts';
import { contributePoems } from './contributePoems.ts';
import { DemoBook } from './demoBook.ts';
import { createDemoPrinter } from './demoPrinter.ts';
import { meetCast } from './meetCast.ts';
import { type PrintedTotal, printEarnings } from './printEarnings.ts';
import { printReceipt } from './printReceipt.ts';
import { readLedger } from './readLedger.ts';
import { settleAndClaim } from './settleAndClaim.ts';
import { trainAndPublish } from './trainAndPublish.ts';
import { validatePoems } from './validatePoems.ts';

export interface RunDemoOptions {
  write: (text: string) => void;
  /** Leave the data directory in place (its path is printed) instead of removing it. */
  keep?: boolean;
}

export interface DemoResult {
  /** True only when the story ran to the end and every check passed. */
  ok: boolean;
  dataDir: string;
  kept: boolean;
  /** The per-person balances the table printed, with the ledger's beside them. */
  totals: PrintedTotal[];
  checks: Check[];
  error?: unknown;
}

/**
 * The Persian poetry story (DESIGN.md §1) end to end on embedded defaults: PGlite in a fresh
 * temporary folder, the in-process job queue and EVM, the MCP server over Streamable HTTP on a
 * loopback port. The environment is not read, so a DATABASE_URL or bot token set for the real
 * service can never be touched by the demo.
 */
export async function runDemo(options: RunDemoOptions): Promise<DemoResult> {
  const out = createDemoPrinter(options.write);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-demo-'));
  const result: DemoResult = { ok: false, dataDir, kept: Boolean(options.keep), totals: [], checks: [] };
  out.raw('Potluck demo: a poet wants an AI that writes Persian poetry\n');
  out.say(
    `data dir  ${dataDir} (${options.keep ? 'kept afterwards' : 'removed at the end; --keep keeps it'})`,
  );
  let app: App | undefined;
  let http: HttpServer | undefined;
  const started = Date.now();
  try {
    const config = loadConfig({ POTLUCK_DATA_DIR: dataDir, DEV_FAUCET_ENABLED: 'true', LOG_LEVEL: 'silent' });
    // The demo sends the outbox and settles the epoch itself, step by step (drainOutbox, settleAndClaim).
    app = await createApp(config, { jobDefinitions: jobsWithoutChainClock });
    http = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    out.say(
      `running   embedded PGlite · in-process job queue · embedded EVM (chain ${app.deps.chain?.chainId})`,
    );
    out.say(`MCP       ${http.url}/mcp (Streamable HTTP, bearer API key)`);
    const ctx = { app, out, book: new DemoBook() };
    const cast = await meetCast(ctx);
    const datanet = await contributePoems(ctx, cast);
    await validatePoems(ctx, cast, datanet);
    const model = await trainAndPublish(ctx, cast, datanet.datanetId);
    const { agentReceipt } = await askTheModel(ctx, cast, model, `${http.url}/mcp`);
    const settlement = await settleAndClaim(ctx, cast);

    const ledger = await readLedger(app, cast);
    result.totals = printEarnings(out, cast, ctx.book, ledger);
    const receiptHashMatches = await printReceipt(app, out, cast, model, agentReceipt);
    result.checks = await checkLedger(app, {
      out,
      cast,
      book: ctx.book,
      ledger,
      totals: result.totals,
      settlement,
      receiptHashMatches,
    });
    result.ok = result.checks.every((c) => c.ok);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out.raw(
      result.ok
        ? `\nEvery balance adds up. The whole story ran in ${seconds} s.\n`
        : '\nSome balances do not add up: see the ✗ lines above.\n',
    );
  } catch (error) {
    result.error = error;
    const message = isAppError(error)
      ? `${error.code}: ${error.message}`
      : ((error as Error)?.stack ?? String(error));
    out.raw(`\nThe demo stopped: ${message}\n`);
  } finally {
    await http?.close();
    await app?.close();
    if (!options.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (options.keep)
    out.raw(`Data kept in ${dataDir} (start it with POTLUCK_DATA_DIR=${dataDir} potluck start).\n`);
  return result;
}
