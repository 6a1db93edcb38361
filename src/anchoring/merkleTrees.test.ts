import fc from 'fast-check';
import { keccak256, stringToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { contributionTree, rewardTree } from './merkleTrees.ts';
import { accountRef, toBytes32Ref } from './toBytes32Ref.ts';

describe('Merkle helpers', () => {
  it('refuse an empty batch', () => {
    expect(() => contributionTree([])).toThrow(RangeError);
  });

  it('prove every reward leaf, including 78-digit amounts', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            fc.uint8Array({ minLength: 20, maxLength: 20 }),
            fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
          ),
          {
            minLength: 1,
            maxLength: 30,
            selector: ([a]) => Buffer.from(a).toString('hex'),
          },
        ),
        (rows) => {
          const tree = rewardTree(
            rows.map(([a, amount]) => ({
              account: `0x${Buffer.from(a).toString('hex')}`,
              cumulativeAmount: amount,
            })),
          );
          return [...tree.entries()].every(([i, v]) => tree.verify(v, tree.getProof(i)));
        },
      ),
    );
  });

  it('derive namespaced, stable references', () => {
    expect(accountRef('42')).toBe(keccak256(stringToHex('potluck:account:42')));
    expect(accountRef(42n)).toBe(accountRef('42'));
    expect(toBytes32Ref('datanet', '42')).not.toBe(accountRef('42'));
    expect(
      contributionTree([
        {
          contributionId: accountRef(1),
          contributorRef: accountRef(2),
          contentHash: accountRef(3),
          datanetId: accountRef(4),
        },
      ]).root,
    ).toMatch(/^0x[0-9a-f]{64}$/);
  });
});
