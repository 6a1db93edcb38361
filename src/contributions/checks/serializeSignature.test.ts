import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deserializeSignature } from './deserializeSignature.ts';
import { serializeSignature } from './serializeSignature.ts';

describe('serializeSignature / deserializeSignature', () => {
  it('round-trips any signature', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { minLength: 1, maxLength: 300 }), (values) => {
        const sig = Uint32Array.from(values);
        expect(deserializeSignature(serializeSignature(sig))).toEqual(sig);
      }),
    );
  });

  it('writes 4 little-endian bytes per value, whatever the host', () => {
    const bytes = serializeSignature(Uint32Array.from([1, 0x01020304]));
    expect([...bytes]).toEqual([1, 0, 0, 0, 4, 3, 2, 1]);
  });

  it('reads from an unaligned slice of a larger buffer (as a driver may hand it)', () => {
    const backing = Buffer.concat([Buffer.from([9]), serializeSignature(Uint32Array.from([5, 6]))]);
    expect(Array.from(deserializeSignature(backing.subarray(1)))).toEqual([5, 6]);
  });

  it('refuses bytes that cannot be a signature, or one of the wrong length', () => {
    expect(() => deserializeSignature(Buffer.alloc(0))).toThrow(RangeError);
    expect(() => deserializeSignature(Buffer.alloc(6))).toThrow(RangeError);
    expect(() => deserializeSignature(Buffer.alloc(256), 128)).toThrow(/expected a 128-value/);
    expect(deserializeSignature(Buffer.alloc(512), 128)).toHaveLength(128);
  });
});
