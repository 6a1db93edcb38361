import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the running service answers, kept in its data folder while it runs: a second process that
 * finds the folder locked can then point at the real endpoint (HTTP_PORT=0 picks any free port).
 */
interface ServiceAddress {
  pid: number;
  mcp: string;
}

const fileIn = (dataDir: string) => path.join(dataDir, 'service.json');

/** Records this process's endpoint; the returned function removes the record again. */
export function recordServiceAddress(dataDir: string, mcpUrl: string): () => void {
  const file = fileIn(dataDir);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, mcp: mcpUrl } satisfies ServiceAddress));
  return () => fs.rmSync(file, { force: true });
}

/** The MCP endpoint of the service running as `pid` on `dataDir`, if it left one (a stale file is ignored). */
export function readServiceAddress(dataDir: string, pid: unknown): string | undefined {
  try {
    const recorded = JSON.parse(fs.readFileSync(fileIn(dataDir), 'utf8')) as ServiceAddress;
    return recorded.pid === pid ? recorded.mcp : undefined;
  } catch {
    return undefined;
  }
}
