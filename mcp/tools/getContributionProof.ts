import { contributionProofOut } from '../chainWireSchemas.ts';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';

export const getContributionProof = defineTool({
  name: 'get_contribution_proof',
  title: "A contribution's on-chain proof",
  description:
    'Proof of Attribution for a contribution: its anchored batch, its Merkle leaf (contribution, contributor, content hash, datanet), the proof, the anchoring transaction, and whether the registry on chain verifies it.',
  input: { contributionId: idInput('Contribution') },
  output: { proof: contributionProofOut },
  annotations: READ_ONLY,
  run: async (args, { app }) => ({ proof: await app.chain.getContributionProof(args) }),
  render: ({ proof: p }) =>
    p.state === 'queued'
      ? `Contribution #${p.contributionId} is waiting for the next anchoring batch.`
      : `Contribution #${p.contributionId} is ${p.state} in batch ${p.batch.id} (root ${p.batch.root}` +
        `${p.batch.txHash ? `, tx ${p.batch.txHash}` : ''}); verified on chain: ${p.verified ?? 'no chain'}.`,
});
