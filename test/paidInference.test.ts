import fs from 'node:fs';
import path from 'node:path';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAF_ENCODINGS } from '../src/anchoring/merkleTrees.ts';
import { invokeModel } from '../src/inference/invokeModel.ts';
import { hashReceipt } from '../src/inference/receipt.ts';
import { receiptLeafOf } from '../src/inference/receiptLeaf.ts';
import { releaseStaleReservations } from '../src/inference/releaseStaleReservations.ts';
import { reserveFee } from '../src/inference/reserveFee.ts';
import type { Deps } from '../src/shared/deps.ts';
import type { TrainingRun } from '../src/training/trainingRunStore.ts';
import { fixtureContributions } from './support/attribution/attributionFixture.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

let t: TestApp;
let seeded: SeededDatanet;
let developer: string;
let caller: string;
let run: TrainingRun;
let modelId: string;
const FEE = 10n * TOKEN + 7n;
const SPLIT = { developerBps: 2000, dataBps: 5000, validatorsBps: 2000, protocolBps: 1000 };
const texts = fixtureContributions.map((c) => c.text);
// Three contributors: text i belongs to contributor i % 3.
const authors = texts.map((_, i) => i % 3);
const machineDream = fixtureContributions.findIndex((c) => c.contributionId === 'machine-dream');

async function waitForRun(runId: string): Promise<TrainingRun> {
  let last: TrainingRun | undefined;
  for await (const r of t.app.training.watch({ runId, intervalMs: 20 })) last = r;
  return last!;
}

const balanceOf = async (accountId: string) => (await t.app.ledger.getBalance({ accountId })).available;
const treasury = async () => {
  const [row] = await t.app.database
    .sql`select balance::text as b from ledger_accounts where system_name = 'treasury'`;
  return BigInt(row.b);
};

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedApprovedDatanet(t.app, { name: 'Bilingual Verse', texts, authors, authorCount: 3 });
  developer = await fundedPerson(t.app, 'developer');
  caller = await fundedPerson(t.app, 'caller');
});
afterAll(async () => t?.cleanup());

describe('the whole story on embedded defaults', () => {
  it('trains on the approved contributions through the queue, with progress, into one artifact', async () => {
    const started = await t.app.training.start({
      accountId: developer,
      datanetId: seeded.datanetId,
      idempotencyKey: 'train-1',
    });
    expect(started.run).toMatchObject({
      contributionCount: texts.length,
      options: { tokenizer: 'words', minSpan: 4 },
    });
    expect(started.run.snapshotRoot).toMatch(/^0x[0-9a-f]{64}$/);
    const seen: number[] = [];
    for await (const r of t.app.training.watch({ runId: started.run.id, intervalMs: 5 }))
      seen.push(r.progress);
    run = await t.app.training.get({ runId: started.run.id });
    expect(run).toMatchObject({ status: 'succeeded', progress: 1, attempts: 1, error: null });
    expect(seen.at(-1)).toBe(1);
    const manifests = fs.readdirSync(path.join(t.dataDir, 'artifacts')).filter((f) => f.endsWith('.json'));
    expect(manifests).toEqual([`${run.artifactHash}.json`]);
    const manifest = JSON.parse(fs.readFileSync(path.join(t.dataDir, 'artifacts', manifests[0]), 'utf8'));
    expect(manifest.snapshotRoot).toBe(run.snapshotRoot);
    // Index order is submission order (ascending id), whoever submitted.
    const ascending = [...seeded.contributionIds].sort((a, b) => Number(a) - Number(b));
    expect(manifest.contributions.map((c: { id: string }) => c.id)).toEqual(ascending);

    // The same key replays the same run; a new run on the same snapshot gives the same artifact.
    const replay = await t.app.training.start({
      accountId: developer,
      datanetId: seeded.datanetId,
      idempotencyKey: 'train-1',
    });
    expect(replay).toMatchObject({ replayed: true, run: { id: run.id } });
    const again = await t.app.training.start({
      accountId: developer,
      datanetId: seeded.datanetId,
      idempotencyKey: 'train-2',
    });
    expect((await waitForRun(again.run.id)).artifactHash).toBe(run.artifactHash);
  });

  it('publishes only the developer’s succeeded run, with a split that sums to 10,000, immutably', async () => {
    const base = { runId: run.id, name: 'Verse Weaver', pricePerCall: FEE.toString(), split: SPLIT };
    await expect(
      t.app.models.publish({ ...base, accountId: caller, idempotencyKey: 'p0' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      t.app.models.publish({
        ...base,
        accountId: developer,
        split: { ...SPLIT, protocolBps: 999 },
        idempotencyKey: 'p1',
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/10,000/) });
    const published = await t.app.models.publish({ ...base, accountId: developer, idempotencyKey: 'p2' });
    modelId = published.model.id;
    expect(published.model).toMatchObject({
      pricePerCall: FEE,
      split: SPLIT,
      artifactHash: run.artifactHash,
      snapshotRoot: run.snapshotRoot,
      usage: { calls: 0, fees: 0n },
    });
    await expect(
      t.app.models.publish({ ...base, accountId: developer, idempotencyKey: 'p3' }),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
    const [outbox] = await t.app.database.sql`
      select payload from chain_outbox where dedupe_key = ${`register_model:${modelId}`}`;
    expect(outbox.payload).toMatchObject({
      snapshotRoot: run.snapshotRoot,
      artifactHash: `0x${run.artifactHash}`,
      pricePerCall: FEE.toString(),
      splitBps: [2000, 5000, 2000, 1000],
    });
    await expect(
      t.app.database.sql`update models set price_per_call = 1 where id = ${modelId}`,
    ).rejects.toThrow(/immutable/);
  });

  it('charges the fee once, names the right contributor and moves every balance exactly', async () => {
    const watched = [developer, caller, ...seeded.contributors, ...seeded.validators.map((v) => v.accountId)];
    const before = new Map(await Promise.all(watched.map(async (a) => [a, await balanceOf(a)] as const)));
    const treasuryBefore = await treasury();
    const poolBefore = (await t.app.datanets.get({ datanet: seeded.datanetId })).poolBalance;
    const prompt = 'The little model dreams in borrowed words,';
    const first = await t.app.inference.invoke({
      accountId: caller,
      modelId,
      prompt,
      maxTokens: 24,
      temperature: 0,
      idempotencyKey: 'ask-1',
    });
    expect(first.replayed).toBe(false);
    expect(first.answer).toMatch(/^\s*a patchwork stitched from everyone who wrote\./);
    const { receipt } = first;
    const dreamId = seeded.contributionIds[machineDream];
    const dreamer = seeded.contributors[authors[machineDream]];
    expect(receipt.attribution.fallback).toBe(false);
    expect(receipt.attribution.contributions.map((c) => c.contributionId)).toEqual([dreamId]);
    expect(receipt.attribution.contributions[0]).toMatchObject({ contributorAccountId: dreamer, weight: 1 });
    expect(receipt.attribution.spans.length).toBeGreaterThan(0);
    // Each span names its characters in the answer: the matched text, found in the poem.
    for (const span of receipt.attribution.spans) {
      const matched = first.answer.slice(span.chars![0], span.chars![1]);
      expect(matched.length).toBeGreaterThan(0);
      expect(texts[machineDream]).toContain(matched);
    }
    expect(receipt.attribution.basis).toBe('spans');
    // 10 tokens + 7 units at 20/50/20/10 %: floors leave 2 units, which go to the largest
    // remainders, protocol (0.7) then data (0.5).
    expect(receipt.parts).toEqual({
      developer: ((FEE * 2000n) / 10_000n).toString(),
      data: ((FEE * 5000n) / 10_000n + 1n).toString(),
      validators: ((FEE * 2000n) / 10_000n).toString(),
      protocol: ((FEE * 1000n) / 10_000n + 1n).toString(),
    });
    expect(hashReceipt({ ...receipt, receiptHash: undefined } as never)).toBe(receipt.receiptHash);
    const parts = Object.values(receipt.parts).map(BigInt);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(FEE);
    const [vSmall, vLarge] = seeded.validators;
    const validatorsPart = BigInt(receipt.parts.validators);
    const small = (validatorsPart * vSmall.stake) / (vSmall.stake + vLarge.stake);
    const expected = new Map(before);
    expected.set(caller, before.get(caller)! - FEE);
    expected.set(developer, before.get(developer)! + BigInt(receipt.parts.developer));
    expected.set(dreamer, before.get(dreamer)! + BigInt(receipt.parts.data));
    expected.set(vSmall.accountId, before.get(vSmall.accountId)! + small);
    expected.set(vLarge.accountId, before.get(vLarge.accountId)! + validatorsPart - small);
    for (const a of watched) expect(await balanceOf(a), `balance of ${a}`).toBe(expected.get(a));
    // The datanet's pool_cut_bps (default 50%) of the protocol cut refills its validation reward
    // pool; the treasury keeps the rest, and together they are the protocol part exactly.
    const protocol = BigInt(receipt.parts.protocol);
    const toPool = (protocol * 5000n) / 10_000n;
    expect((await t.app.datanets.get({ datanet: seeded.datanetId })).poolBalance - poolBefore).toBe(toPool);
    expect((await treasury()) - treasuryBefore).toBe(protocol - toPool);

    const replay = await t.app.inference.invoke({
      accountId: caller,
      modelId,
      prompt,
      maxTokens: 24,
      temperature: 0,
      idempotencyKey: 'ask-1',
    });
    expect(replay).toMatchObject({ replayed: true, answer: first.answer });
    expect(replay.receipt).toEqual(first.receipt);
    expect(await balanceOf(caller)).toBe(expected.get(caller));
    await assertLedgerInvariants(t.app);

    const model = await t.app.models.get({ model: 'verse weaver' });
    expect(model.usage).toEqual({ calls: 1, fees: FEE });
    expect(model.earnings.data).toBe(BigInt(receipt.parts.data));
  });

  it('answers an /ask-default call to the end of the poem it follows, and credits that poem', async () => {
    const keeper = fixtureContributions.findIndex((c) => c.contributionId === 'lighthouse-keeper');
    const asker = await fundedPerson(t.app, 'asker');
    const prompt = 'The keeper climbs two hundred spiral stairs';
    const { answer, receipt } = await t.app.inference.invoke({
      accountId: asker,
      modelId,
      prompt,
      idempotencyKey: 'default-1',
    });
    expect(receipt.sampling).toMatchObject({ maxTokens: 64, temperature: 1, topK: 0 });
    expect(receipt.stopReason).toBe('end_of_document');
    // Contributions are stored without their trailing newline: the answer ends where the poem does.
    expect(texts[keeper].trimEnd().endsWith(`${prompt}${answer}`), JSON.stringify(answer)).toBe(true);
    expect(answer).toMatch(/boats are home\.$/);
    expect(receipt.attribution.contributions.map((c) => c.contributionId)).toEqual([
      seeded.contributionIds[keeper],
    ]);
    expect(receipt.attribution.creditedTokens).toBe(receipt.answerTokens);
    expect(receipt.attribution.uncredited).toEqual({ shortSpan: 0, unmatched: 0 });
  });

  it('refuses a call above maxFee, a short balance and a reused key, charging nothing', async () => {
    const base = { accountId: caller, modelId, prompt: 'The river keeps', maxTokens: 8 };
    const balance = await balanceOf(caller);
    await expect(
      t.app.inference.invoke({ ...base, maxFee: (FEE - 1n).toString(), idempotencyKey: 'fee-guard' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/maxFee/) });
    const poor = await t.app.accounts.resolveIdentity({ identity: 'discord:424242' });
    await expect(
      t.app.inference.invoke({ ...base, accountId: poor.accountId, idempotencyKey: 'broke' }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await expect(
      t.app.inference.invoke({ ...base, prompt: 'something else', idempotencyKey: 'ask-1' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await balanceOf(caller)).toBe(balance);
    const [calls] = await t.app.database.sql`
      select count(*)::int as n from inference_calls where idempotency_key in ('fee-guard', 'broke')`;
    expect(calls.n).toBe(0);
    await assertLedgerInvariants(t.app);
  });

  it('refunds a reservation when the call fails or its process dies, and a retry with the key settles once', async () => {
    const balance = await balanceOf(caller);
    const call = {
      accountId: caller,
      modelId,
      prompt: 'The river keeps',
      maxTokens: 8,
      idempotencyKey: 'flaky',
    };
    const broken = {
      ...t.app.deps,
      modelRuntime: { trainedModel: async () => Promise.reject(new Error('artifact disk is gone')) },
    } as unknown as Deps;
    await expect(invokeModel(broken, call)).rejects.toThrow(/disk is gone/);
    expect(await balanceOf(caller)).toBe(balance);
    const [released] = await t.app.database.sql`
      select status, attempt, error from inference_calls where idempotency_key = 'flaky'`;
    expect(released).toEqual({ status: 'released', attempt: 1, error: 'artifact disk is gone' });
    await assertLedgerInvariants(t.app);

    // A process that died between reserving and settling leaves the fee in escrow until the sweep.
    const stuck = await reserveFee(t.app.deps, {
      callerAccountId: caller,
      idempotencyKey: 'orphan',
      requestHash: 'h',
      modelId,
      fee: FEE,
      seed: 1,
      prompt: 'x',
    });
    expect(stuck.state).toBe('reserved');
    expect(await balanceOf(caller)).toBe(balance - FEE);
    await assertLedgerInvariants(t.app);
    expect(await releaseStaleReservations(t.app.deps, {})).toEqual({ released: 0 });
    const later = { ...t.app.deps, now: () => new Date(Date.now() + 3600_000) };
    expect(await releaseStaleReservations(later, {})).toEqual({ released: 1 });
    expect(await balanceOf(caller)).toBe(balance);

    const retried = await t.app.inference.invoke(call);
    expect(retried.replayed).toBe(false);
    expect(await balanceOf(caller)).toBe(balance - FEE);
    expect((await t.app.inference.invoke(call)).receipt).toEqual(retried.receipt);
    expect(await balanceOf(caller)).toBe(balance - FEE);
    await assertLedgerInvariants(t.app);
  });

  it('pays the whole snapshot by tokens when nothing is credited', async () => {
    const result = await t.app.inference.invoke({
      accountId: caller,
      modelId,
      prompt: 'zzz',
      maxTokens: 2,
      temperature: 0,
      idempotencyKey: 'short',
    });
    expect(result.receipt.attribution.fallback).toBe(true);
    // Nothing continues 'zzz': no answer, and the unigram state it stopped in is the whole snapshot.
    expect(result.answer).toBe('');
    expect(result.receipt.stopReason).toBe('no_context');
    expect(result.receipt.attribution.basis).toBe('evidence');
    expect(result.receipt.attribution.contributions).toHaveLength(texts.length);
    const paid = result.receipt.payouts.filter((p) => p.role === 'contributor');
    expect(new Set(paid.map((p) => p.accountId))).toEqual(new Set(seeded.contributors));
    expect(paid.reduce((a, p) => a + BigInt(p.amount), 0n)).toBe(BigInt(result.receipt.parts.data));
    await assertLedgerInvariants(t.app);
  });

  it('shows receipts to anyone, the prompt to the caller only, and anchors them with proofs', async () => {
    const [row] = await t.app.database.sql`
      select id from inference_calls where caller_account_id = ${caller} and idempotency_key = 'ask-1'`;
    const forOthers = await t.app.inference.getReceipt({ receiptId: row.id, viewerAccountId: developer });
    expect(forOthers.private).toBeNull();
    expect(forOthers.anchor).toBeNull();
    const { batches } = await t.app.inference.anchorReceipts();
    expect(batches).toHaveLength(1);
    const mine = await t.app.inference.getReceipt({ receiptId: row.id, viewerAccountId: caller });
    expect(mine.private?.prompt).toBe('The little model dreams in borrowed words,');
    expect(mine.anchor).toMatchObject({ epoch: batches[0].epoch, root: batches[0].root });
    const leaf = receiptLeafOf({
      id: row.id,
      model_id: modelId,
      fee: mine.fee,
      receipt_hash: mine.receiptHash,
    });
    expect(
      StandardMerkleTree.verify(
        mine.anchor!.root as `0x${string}`,
        [...LEAF_ENCODINGS.receipt],
        [leaf.receiptId, leaf.modelId, leaf.fee, leaf.receiptHash],
        mine.anchor!.proof as `0x${string}`[],
      ),
    ).toBe(true);
    const [outbox] = await t.app.database.sql`
      select payload from chain_outbox where dedupe_key = ${`anchor_receipts:${batches[0].epoch}`}`;
    expect(outbox.payload).toMatchObject({ root: batches[0].root, count: batches[0].count });
    expect((await t.app.inference.anchorReceipts()).batches).toEqual([]);
  });
});
