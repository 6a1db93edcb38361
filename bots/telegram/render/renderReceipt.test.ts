import { describe, expect, it } from 'vitest';
import type { ReceiptView } from '../../../src/inference/getReceipt.ts';
import { renderFullReceipt } from './renderReceipt.ts';

const base: ReceiptView = {
  receiptId: '7',
  modelId: '3',
  datanetId: '1',
  artifactHash: 'a'.repeat(64),
  snapshotRoot: `0x${'b'.repeat(64)}`,
  fee: '1000',
  parts: { developer: '300', data: '500', validators: '100', protocol: '100' },
  sampling: { seed: 1, temperature: 1, topK: 40, maxTokens: 64 },
  promptSha256: 'c'.repeat(64),
  answerSha256: 'd'.repeat(64),
  answerTokens: 5,
  stopReason: 'end_of_document',
  attribution: { minSpan: 4, creditedTokens: 0, fallback: false, spans: [], contributions: [] },
  payouts: [
    { accountId: '9', role: 'developer', amount: '300' },
    { accountId: null, role: 'escrow', amount: '600' },
    { accountId: null, role: 'protocol', amount: '100' },
  ],
  settledAt: '2026-12-05T12:00:00.000Z',
  receiptHash: 'e'.repeat(64),
  anchor: null,
  private: null,
};

describe('full receipt on Telegram', () => {
  it('says when a LoRA answer waits for its influence, and where the held part sits', () => {
    const out = renderFullReceipt({
      ...base,
      neural: {
        baseModel: 'tiny-llama',
        adapterSha256: 'f'.repeat(64),
        influence: { status: 'pending', scores: [] },
        influenceWeight: 0.5,
      },
    }).text;
    expect(out).toContain('waiting for attribution (escrow)');
    expect(out).toContain('on base model tiny-llama');
    expect(out).toContain('wait in escrow');
  });

  it('names the mix of spans and influence once it is computed, and nothing neural for ∞-gram models', () => {
    const computed = renderFullReceipt({
      ...base,
      payouts: base.payouts.filter((p) => p.role !== 'escrow'),
      neural: {
        baseModel: 'tiny-llama',
        adapterSha256: 'f'.repeat(64),
        influence: { status: 'computed', scores: [] },
        influenceWeight: 0.25,
      },
    }).text;
    expect(computed).toContain('spans 75% + gradient influence 25%');
    expect(renderFullReceipt(base).text).not.toContain('LoRA adapter');
  });
});
