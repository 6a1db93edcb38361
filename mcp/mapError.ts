import { type CallToolResult, ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { toAppError } from '../src/errors.ts';
import type { Logger } from '../src/shared/createLogger.ts';

/** JSON-RPC code for a resource that does not exist (MCP specification, resources). */
const RESOURCE_NOT_FOUND = -32002;

interface WireError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The one place an error becomes something a client sees. A user-facing `AppError` keeps its
 * stable code, message and safe details; anything else is a bug: logged with its stack here,
 * shown as INTERNAL without it.
 */
function toWireError(error: unknown, log: Logger, where: string): WireError {
  const appError = toAppError(error);
  // A lost database connection becomes UNAVAILABLE for the client; the operator still hears of it.
  if (appError && appError !== error) log.warn('mcp request lost its database connection', { where, error });
  if (appError) {
    const hasDetails = Object.keys(appError.details).length > 0;
    return {
      code: appError.code,
      message: appError.message,
      ...(hasDetails ? { details: jsonSafe(appError.details) } : {}),
    };
  }
  log.error('mcp request failed', { where, error });
  return { code: 'INTERNAL', message: 'Something went wrong on the server. It was logged; try again later.' };
}

/**
 * A failed tool call: `isError` with `{ code, message }` as JSON text. Not `structuredContent`,
 * because clients validate that against the tool's output schema, which describes success.
 */
export function toErrorResult(error: unknown, log: Logger, tool: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(toWireError(error, log, tool)) }] };
}

/**
 * A JSON-RPC error the SDK sends as is (code, message, data). Not McpError, whose message gains
 * an "MCP error -32602:" prefix that the client then prefixes again.
 */
export class JsonRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: WireError,
  ) {
    super(message);
  }
}

/** Resource reads and prompts have no error result: they fail with a JSON-RPC error instead. */
function toMcpError(error: unknown, log: Logger, where: string): JsonRpcError {
  const wire = toWireError(error, log, where);
  const code =
    wire.code === 'NOT_FOUND'
      ? RESOURCE_NOT_FOUND
      : wire.code === 'INTERNAL'
        ? ErrorCode.InternalError
        : ErrorCode.InvalidParams;
  return new JsonRpcError(code, `${wire.code}: ${wire.message}`, wire);
}

function jsonSafe(details: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** Runs a resource or prompt callback so that whatever it throws leaves through toMcpError. */
export async function orMcpError<T>(log: Logger, where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toMcpError(error, log, where);
  }
}
