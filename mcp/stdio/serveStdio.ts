import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { App } from '../../src/app.ts';
import { AppError, isAppError } from '../../src/errors.ts';
import { createMcpServer } from '../createMcpServer.ts';
import { guestAuth, type McpAuth } from '../mcpAuth.ts';

/**
 * MCP over stdin/stdout for one local client. stdout carries protocol only (logs go to stderr);
 * the account is the API key's, or a read-only guest without one. Resolves when the client
 * hangs up (stdin closes) or the process is told to stop.
 */
export async function serveStdio(app: App, apiKey: string | undefined): Promise<void> {
  const auth = await authenticate(app, apiKey);
  app.deps.log.info('mcp stdio server ready', { account: auth.accountId ?? 'guest' });
  const server = createMcpServer(app, auth);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
    process.stdin.once('end', resolve);
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.connect(new StdioServerTransport());
  await closed;
  await server.close();
}

async function authenticate(app: App, apiKey: string | undefined): Promise<McpAuth> {
  if (!apiKey) return guestAuth;
  try {
    const { accountId, keyId } = await app.accounts.authenticateApiKey(apiKey);
    return { accountId, keyId };
  } catch (error) {
    // A wrong key must not quietly fall back to a guest session that then refuses every write.
    if (isAppError(error) && error.code === 'UNAUTHENTICATED') {
      throw new AppError('UNAUTHENTICATED', 'POTLUCK_API_KEY was refused: it is invalid or revoked.');
    }
    throw error;
  }
}
