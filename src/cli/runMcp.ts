import { jobDefinitions } from '../../jobs/jobDefinitions.ts';
import { refuseStdio } from '../../mcp/stdio/refuseStdio.ts';
import { serveStdio } from '../../mcp/stdio/serveStdio.ts';
import { createApp } from '../app.ts';
import type { Config } from '../config.ts';
import { isAppError } from '../errors.ts';
import { startHttpServer } from '../http/startHttpServer.ts';
import { explainError } from './explainError.ts';

/**
 * `potluck mcp`: MCP over stdio for a local client (POTLUCK_API_KEY, or a read-only guest).
 * `potluck mcp --http`: Streamable HTTP at /mcp on HTTP_HOST:HTTP_PORT, a bearer key per request.
 * In stdio mode nothing but protocol may reach stdout, so every message here goes to stderr.
 */
export async function runMcp(config: Config, args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--http');
  if (unknown.length > 0) {
    process.stderr.write(`usage: potluck mcp [--http]\n`);
    return 1;
  }
  const stdio = !args.includes('--http');
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config, { jobDefinitions });
  } catch (error) {
    // Over stdio the client would show only "Connection closed": hand it the reason first.
    if (stdio && isAppError(error)) {
      const message = explainError(error, config);
      process.stderr.write(`potluck: ${message}\n`);
      await refuseStdio({ code: error.code, message });
      return 1;
    }
    throw error;
  }
  try {
    if (stdio) {
      await serveStdio(app, config.mcp.apiKey);
      return 0;
    }
    const http = await startHttpServer(app, config.http);
    process.stderr.write(`Potluck MCP (Streamable HTTP) at ${http.url}/mcp. Press Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await http.close();
    return 0;
  } finally {
    await app.close();
  }
}
