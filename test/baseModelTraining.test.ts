import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpServer } from '../mcp/createMcpServer.ts';
import { fixtureContributions } from './support/attribution/attributionFixture.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { callError, callOk } from './support/mcpTestClient.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';
import { writeTinyCausalLm } from './support/tinyModel/writeTinyCausalLm.ts';

let t: TestApp;
let seeded: SeededDatanet;
let folder: string;

beforeAll(async () => {
  t = await createTestApp();
  // The operator's catalog: <data dir>/base-models/<name>/ by default.
  folder = path.join(t.dataDir, 'base-models', 'tiny-verse');
  // The corpus the tokenizer learns from includes the poems, so the poems tokenise compactly.
  await writeTinyCausalLm(folder, { seed: 3, corpus: fixtureContributions.map((c) => c.text) });
  const texts = fixtureContributions.map((c) => c.text);
  seeded = await seedApprovedDatanet(t.app, {
    name: 'Neural Verse',
    texts,
    authors: texts.map(() => 0),
    authorCount: 1,
  });
});
afterAll(async () => t?.cleanup());

describe('training on a neural base model', () => {
  it('takes base models by catalog name only; errors list the names and never a path', async () => {
    const developer = await fundedPerson(t.app, 'prober');
    expect(await t.app.training.listBaseModels()).toEqual({
      baseModels: [{ name: 'tiny-verse', format: 'transformers' }],
    });
    // Paths that exist (as a folder, a file, the model itself) and one that doesn't: one answer.
    const probes = [folder, path.join(folder, 'config.json'), t.dataDir, '/etc', '/nowhere', '../tiny-verse'];
    const messages = new Set<string>();
    for (const [i, baseModel] of probes.entries()) {
      const error = await t.app.training
        .start({
          accountId: developer,
          datanetId: seeded.datanetId,
          options: { baseModel },
          idempotencyKey: `p${i}`,
        })
        .then(
          () => null,
          (e) => e,
        );
      expect(error).toMatchObject({
        code: 'BAD_INPUT',
        details: { field: 'baseModel', available: ['tiny-verse'] },
      });
      const text = JSON.stringify({ message: error.message, details: error.details });
      expect(text).not.toContain('/');
      expect(text).toContain('tiny-verse');
      messages.add(error.message);
    }
    expect(messages.size).toBe(1);

    // Over MCP: the names to choose from, and the same answer for a path.
    const agent = await t.app.accounts.createAgent({ name: 'mcp prober' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await createMcpServer(t.app, { accountId: agent.accountId, keyId: agent.keyId }).connect(serverSide);
    const client = new Client({ name: 'in-memory', version: '1.0.0' });
    await client.connect(clientSide);
    try {
      expect(await callOk(client, 'list_base_models')).toEqual({
        baseModels: [{ name: 'tiny-verse', format: 'transformers' }],
      });
      const refused = await callError(client, 'start_training_run', {
        datanetId: seeded.datanetId,
        options: { baseModel: folder },
        idempotencyKey: 'mcp-path',
      });
      expect(refused).toMatchObject({ code: 'BAD_INPUT' });
      expect(refused.text).not.toContain(t.dataDir);
    } finally {
      await client.close();
    }
  });

  it('indexes with the base model’s tokenizer, mixes it into generation, and attributes in its tokens', async () => {
    const developer = await fundedPerson(t.app, 'developer');
    const caller = await fundedPerson(t.app, 'caller');
    const { run } = await t.app.training.start({
      accountId: developer,
      datanetId: seeded.datanetId,
      options: { baseModel: 'tiny-verse', mixWeight: 0.2, minSpan: 6 },
      idempotencyKey: 'neural',
    });
    expect(run.options).toEqual({ tokenizer: 'base', baseModel: 'tiny-verse', minSpan: 6, mixWeight: 0.2 });
    let done = run;
    for await (const r of t.app.training.watch({ runId: run.id, intervalMs: 20 })) done = r;
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    const manifest = JSON.parse(
      fs.readFileSync(path.join(t.dataDir, 'artifacts', `${done.artifactHash}.json`), 'utf8'),
    );
    expect(manifest.tokenizer).toMatchObject({ kind: 'base', id: expect.stringMatching(/^base:/) });
    expect(manifest.files.vocabulary).toBeNull();

    const { model } = await t.app.models.publish({
      accountId: developer,
      runId: run.id,
      name: 'Neural Weaver',
      pricePerCall: '500',
      split: { developerBps: 2500, dataBps: 2500, validatorsBps: 2500, protocolBps: 2500 },
      idempotencyKey: 'p',
    });
    expect(model.baseModel).toBe('tiny-verse');
    expect(manifest.baseModel).toBe('tiny-verse');
    const call = {
      accountId: caller,
      modelId: model.id,
      prompt: 'The little model dreams in borrowed words,',
      maxTokens: 12,
      idempotencyKey: 'n1',
    };
    const first = await t.app.inference.invoke(call);
    expect(first.receipt.answerTokens).toBeGreaterThan(0);
    expect(first.answer.length).toBeGreaterThan(0);
    const paid = first.receipt.payouts.reduce((a, p) => a + BigInt(p.amount), 0n);
    expect(paid).toBe(500n);
    // The seed comes from the key, so the same key samples the same answer from the mixture.
    expect(await t.app.inference.invoke(call)).toMatchObject({ replayed: true, answer: first.answer });
    await assertLedgerInvariants(t.app);
  });
});
