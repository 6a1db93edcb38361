import type { IncomingHttpHeaders } from 'node:http';
import type { McpConfig } from '../../src/config.ts';

/**
 * DNS-rebinding protection: a page on evil.example that re-points its name at 127.0.0.1 still
 * sends `Host: evil.example` and `Origin: http://evil.example`, so both are checked against
 * names this server is known by. Returns why a request is refused, or null.
 */
export function checkHostAndOrigin(
  headers: IncomingHttpHeaders,
  config: Pick<McpConfig, 'allowedHosts' | 'allowedOrigins'>,
): string | null {
  const hostAllowed = (host: string) => config.allowedHosts === '*' || config.allowedHosts.includes(host);
  const host = hostnameOf(headers.host);
  if (!host || !hostAllowed(host)) {
    return `Host "${headers.host ?? ''}" is not allowed (MCP_ALLOWED_HOSTS).`;
  }
  const origin = headers.origin;
  if (origin === undefined) return null;
  if (config.allowedOrigins.length > 0) {
    return config.allowedOrigins.includes(origin.toLowerCase().replace(/\/+$/, ''))
      ? null
      : `Origin "${origin}" is not allowed (MCP_ALLOWED_ORIGINS).`;
  }
  let originHost: string;
  try {
    originHost = new URL(origin).hostname.toLowerCase();
  } catch {
    return `Origin "${origin}" is not a URL.`;
  }
  return hostAllowed(originHost) ? null : `Origin "${origin}" is not allowed (MCP_ALLOWED_ORIGINS).`;
}

/** `example.org:8787` → `example.org`, `[::1]:8787` → `[::1]`. */
function hostnameOf(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(0, end + 1) : null;
  }
  return h.split(':')[0] || null;
}
