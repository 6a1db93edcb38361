/**
 * One TracIn checkpoint's term: adds `weight · ⟨g, f_c⟩ / ‖f_c‖` to each contribution's score, with
 * f_c row c of `features` (n rows of g.length, from `offset`). Dividing by the contribution's norm
 * keeps a few long or unusual texts with large gradients from outranking the text an answer
 * actually follows (raw TracIn's known bias); the answer's norm is common to all and drops out.
 */
export function addInfluenceScores(
  scores: Float64Array,
  g: Float32Array,
  features: Float32Array,
  offset: number,
  weight: number,
): void {
  const d = g.length;
  for (let c = 0; c < scores.length; c++) {
    const row = offset + c * d;
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < d; i++) {
      dot += g[i] * features[row + i];
      norm += features[row + i] * features[row + i];
    }
    scores[c] += (weight * dot) / (Math.sqrt(norm) + 1e-12);
  }
}
