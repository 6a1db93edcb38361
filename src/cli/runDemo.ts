/** `potluck demo [--keep]`: the story on embedded defaults; exit 0 only when every balance adds up. */
export async function runDemo(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--keep');
  if (unknown.length > 0) {
    process.stderr.write(`usage: potluck demo [--keep]   (unknown: ${unknown.join(' ')})\n`);
    return 1;
  }
  // The demo lives outside src/ (it drives the product through its surfaces, it is not the product),
  // so it is loaded only when asked for.
  const { runDemo: runStory } = await import('../../demo/runDemo.ts');
  const result = await runStory({
    write: (text) => process.stdout.write(text),
    keep: args.includes('--keep'),
  });
  return result.ok ? 0 : 1;
}
