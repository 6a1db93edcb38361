import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { toWire } from '../toWire.ts';

/** A resource body: the same wire JSON the tools return. */
export function jsonResource(uri: URL, value: unknown): ReadResourceResult {
  return {
    contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(toWire(value), null, 2) }],
  };
}

/** A template variable as one string (the SDK gives string | string[]). */
export const oneValue = (v: string | string[] | undefined): string => (Array.isArray(v) ? v[0] : (v ?? ''));
