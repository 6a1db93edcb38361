import { getLlama, type Llama, LlamaLogLevel } from 'node-llama-cpp';

let llama: Promise<Llama> | null = null;

/** One llama.cpp binding per process, CPU only, never building from source. */
function sharedLlama(): Promise<Llama> {
  llama ??= getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
  llama.catch(() => {
    llama = null;
  });
  return llama;
}

/**
 * Token ids from the base model's own tokenizer (llama.cpp's, loading only the vocabulary), so
 * training sees exactly the tokens serving will. Text is never parsed for special tokens.
 */
export async function tokenizeWithGguf(
  modelPath: string,
  texts: readonly string[],
  onProgress?: (done: number) => Promise<void>,
): Promise<{ tokens: number[][]; bosId: number | null; eosId: number | null }> {
  const model = await (await sharedLlama()).loadModel({ modelPath, vocabOnly: true });
  try {
    const tokens: number[][] = [];
    for (const [i, text] of texts.entries()) {
      tokens.push(Array.from(model.tokenize(text, false), Number));
      if (onProgress && i % 200 === 199) await onProgress(i + 1);
    }
    return { tokens, bosId: model.tokens.bos ?? null, eosId: model.tokens.eos ?? null };
  } finally {
    await model.dispose();
  }
}
