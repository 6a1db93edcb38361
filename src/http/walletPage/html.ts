/** Escapes text for HTML element content and double-quoted attributes. */
export const esc = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Strict: scripts and styles only from this origin, no inline code, no framing, no referrer. */
export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
} as const;

export const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{color:#555}
dd{margin:0;font-family:ui-monospace,monospace;word-break:break-all}button{font-size:1rem;padding:.5rem 1rem;margin:.25rem .5rem .25rem 0;cursor:pointer}
#status{padding:.6rem .8rem;border-radius:.4rem;background:#eef3ff}#status[data-kind=ok]{background:#e6f6ea}#status[data-kind=error]{background:#fdecec}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;font-size:.9rem}
.yes{color:#137333}.no{color:#b3261e}code{word-break:break-all}`;

export function layout(title: string, body: string, options: { purpose?: string; script?: string } = {}) {
  const data = options.purpose ? ` data-purpose="${esc(options.purpose)}"` : '';
  const script = options.script ? `<script src="${esc(options.script)}" defer></script>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${esc(title)} · Potluck</title>
<link rel="stylesheet" href="/wallet/page.css">${script}</head>
<body${data}>${body}</body></html>`;
}
