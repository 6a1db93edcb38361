import { snapshotProofOut } from '../chainWireSchemas.ts';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';

export const getModelSnapshotProof = defineTool({
  name: 'get_model_snapshot_proof',
  title: "A model's training snapshot proof",
  description:
    'The contributions a published model was trained on, its snapshot root as registered on chain, and (with contributionId) a Merkle proof that one contribution is in it.',
  input: {
    modelId: idInput('Model'),
    contributionId: idInput('Contribution to prove included').optional(),
  },
  output: snapshotProofOut,
  annotations: READ_ONLY,
  run: (args, { app }) => app.chain.getModelSnapshotProof(args),
  render: (p) =>
    `Model #${p.modelId} was trained on ${p.contributionIds.length} contribution(s); snapshot root ${p.snapshotRoot}` +
    `${p.onChainSnapshotRoot ? ' (registered on chain)' : ' (not registered on chain yet)'}` +
    (p.inclusion
      ? `; #${p.inclusion.contributionId} included, verified on chain: ${p.inclusion.verified ?? 'no chain'}.`
      : '.'),
});
