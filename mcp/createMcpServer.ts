import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import pkg from '../package.json' with { type: 'json' };
import type { App } from '../src/app.ts';
import type { ToolContext } from './defineTool.ts';
import type { McpAuth } from './mcpAuth.ts';
import { registerContributePrompt } from './prompts/contributePrompt.ts';
import { registerReviewPrompt } from './prompts/reviewPrompt.ts';
import { registerContributionResource } from './resources/contributionResource.ts';
import { registerDatanetResource } from './resources/datanetResource.ts';
import { registerDatasetPreviewResource } from './resources/datasetPreviewResource.ts';
import { registerModelResources } from './resources/modelResources.ts';
import { allTools } from './tools/allTools.ts';

const INSTRUCTIONS = `Potluck: build AI together and pay everyone who helped.
Datanets are topic data pools. Contributors submit text (a deposit is locked per item), validators
who staked on the datanet vote it in or out, developers train and publish models on approved data,
and every paid call is split between developer, data contributors, validators and the protocol.
Amounts are decimal strings of base units (18 decimals): "1000000000000000000" is 1 token.
Write tools take an idempotencyKey: reuse it only to retry the same request.
Errors come back as isError results whose text is JSON {"code","message"}; the code is stable.`;

// Built once: each Server would otherwise compile its own Ajv, the largest cost of a per-request server.
const jsonSchemaValidator = new AjvJsonSchemaValidator();

/**
 * One MCP server for one caller. Cheap to build, so the HTTP transport builds one per request
 * (stateless) and stdio one per process; every tool, resource and prompt sees the same `auth`.
 */
export function createMcpServer(app: App, auth: McpAuth): McpServer {
  const server = new McpServer(
    { name: 'potluck', title: 'Potluck', version: pkg.version },
    {
      instructions: INSTRUCTIONS,
      jsonSchemaValidator,
      capabilities: { tools: {}, resources: {}, prompts: {}, completions: {} },
    },
  );
  const ctx: ToolContext = { app, auth };
  for (const tool of allTools) tool.register(server, ctx);
  registerDatanetResource(server, ctx);
  registerDatasetPreviewResource(server, ctx);
  registerContributionResource(server, ctx);
  registerModelResources(server, ctx);
  registerContributePrompt(server, ctx);
  registerReviewPrompt(server, ctx);
  return server;
}
