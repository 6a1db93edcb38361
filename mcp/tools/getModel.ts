import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { type ModelWire, modelOut } from '../modelWireSchemas.ts';
import { tokens } from '../tokens.ts';

export const getModel = defineTool({
  name: 'get_model',
  title: 'Get a model',
  description: 'A published model by id or name: its price, revenue split, snapshot root, usage and payouts.',
  input: { model: z.string().min(1).max(64).describe('model id ("3") or name') },
  output: { model: modelOut },
  annotations: READ_ONLY,
  run: async (args, { app }) => ({ model: await app.models.get(args) }),
  render: ({ model }) => describeModel(model),
});

export function describeModel(m: ModelWire): string {
  const s = m.split;
  return (
    `Model #${m.id} "${m.name}" on datanet #${m.datanetId}: ${tokens(m.pricePerCall)} per call, split ` +
    `developer ${s.developerBps / 100}% / data ${s.dataBps / 100}% / validators ${s.validatorsBps / 100}% / protocol ${s.protocolBps / 100}%; ` +
    `${m.usage.calls} paid calls, ${tokens(m.usage.fees)} in fees`
  );
}
