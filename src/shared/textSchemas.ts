import { z } from 'zod';

/**
 * Characters that change how the text around them is shown: C0/C1 controls, line and paragraph
 * separators, and the bidirectional embeddings, overrides, isolates and marks. A name holding one can
 * impersonate another ("Poet\u202Eledom" shows reversed). ZWJ and ZWNJ stay allowed: Persian and
 * emoji need them.
 */
const DISPLAY_CONTROLS = /[\p{Cc}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** A name people pick from lists (models): printable, trimmed, 2–64 characters. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .refine((v) => !DISPLAY_CONTROLS.test(v), 'must not contain control or bidirectional-override characters');
