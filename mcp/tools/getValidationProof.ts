import { validationProofOut } from '../chainWireSchemas.ts';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';

export const getValidationProof = defineTool({
  name: 'get_validation_proof',
  title: "A contribution's validation proof",
  description:
    "Proof that a contribution's final outcome (approved or rejected) is anchored on chain: batch, leaf, Merkle proof and the registry's verification.",
  input: { contributionId: idInput('Contribution') },
  output: { proof: validationProofOut },
  annotations: READ_ONLY,
  run: async (args, { app }) => ({ proof: await app.chain.getValidationProof(args) }),
  render: ({ proof: p }) =>
    !('leaf' in p)
      ? `The outcome of contribution #${p.contributionId} is ${p.state === 'undecided' ? 'not decided yet' : 'waiting for the next batch'}.`
      : `The outcome of contribution #${p.contributionId} (${p.leaf.approved ? 'approved' : 'rejected'}) is ${p.state} in batch ${p.batch.id}; verified on chain: ${p.verified ?? 'no chain'}.`,
});
