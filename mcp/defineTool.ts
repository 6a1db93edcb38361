import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { App } from '../src/app.ts';
import { currentRequestContext, newRequestId, withRequestContext } from '../src/shared/requestContext.ts';
import { toErrorResult } from './mapError.ts';
import type { McpAuth } from './mcpAuth.ts';
import { toWire } from './toWire.ts';

export interface ToolContext {
  app: App;
  auth: McpAuth;
}

export interface ToolRunExtra {
  /** Reports progress when the client sent a progressToken; a no-op otherwise. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  signal: AbortSignal;
}

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
}

export interface ToolSpec<I extends z.ZodRawShape, O extends z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  /** Offered at all on this server? (the faucet only where it is enabled) */
  enabled?: (app: App) => boolean;
  /** Gets arguments the schema already parsed, calls one use case, returns its domain result. */
  run(args: z.output<z.ZodObject<I>>, ctx: ToolContext, extra: ToolRunExtra): Promise<unknown>;
  /** A short human rendering of the wire result, for clients that show text. */
  render(result: z.output<z.ZodObject<O>>): string;
}

export interface McpTool {
  name: string;
  annotations: ToolAnnotations;
  register(server: McpServer, ctx: ToolContext): void;
}

/**
 * A tool: strict input schema (unknown fields are refused, so an agent cannot pass somebody
 * else's account id), an output schema the SDK checks results against, truthful annotations
 * and one error path (mapError). Amounts and dates leave as strings (toWire).
 */
export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(spec: ToolSpec<I, O>): McpTool {
  // Built once per tool, not once per server: HTTP builds a server per request.
  const inputSchema = z.strictObject(spec.input);
  const outputSchema = z.object(spec.output);
  return {
    name: spec.name,
    annotations: spec.annotations,
    register(server, ctx) {
      if (spec.enabled && !spec.enabled(ctx.app)) return;
      server.registerTool(
        spec.name,
        {
          title: spec.title,
          description: spec.description,
          inputSchema,
          outputSchema,
          annotations: { title: spec.title, openWorldHint: false, ...spec.annotations },
        },
        async (args: unknown, extra): Promise<CallToolResult> =>
          // Over HTTP the server already set the request's id; over stdio each call gets its own.
          withRequestContext(currentRequestContext() ?? { requestId: newRequestId() }, async () => {
            const token = extra._meta?.progressToken;
            let last = Number.NEGATIVE_INFINITY;
            const progress: ToolRunExtra['progress'] = async (value, total, message) => {
              // The protocol wants progress to increase with each notification: drop repeats and steps back.
              if (token === undefined || value <= last) return;
              last = value;
              await extra.sendNotification({
                method: 'notifications/progress',
                params: { progressToken: token, progress: value, total, message },
              });
            };
            try {
              const result = await spec.run(args as z.output<z.ZodObject<I>>, ctx, {
                progress,
                signal: extra.signal,
              });
              const wire = toWire(result) as Record<string, unknown>;
              return {
                content: [{ type: 'text', text: spec.render(wire as z.output<z.ZodObject<O>>) }],
                structuredContent: wire,
              };
            } catch (error) {
              return toErrorResult(error, ctx.app.deps.log, spec.name);
            }
          }),
      );
    },
  };
}

/** Annotation presets, so each tool states one of a few honest shapes. */
export const READ_ONLY: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
};
/** Adds something; a retry (same arguments or idempotency key) changes nothing more. */
export const ADDITIVE_IDEMPOTENT: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: true,
};
/** Adds something; a repeat is refused or adds again. */
export const ADDITIVE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
};
/** Gives away or removes something of the caller's (tokens paid out, a stake, a contribution). */
export const DESTRUCTIVE_IDEMPOTENT: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
};
