import type { Env } from '../doctor/doctorCheck.ts';
import { doctorChecks } from '../doctor/doctorChecks.ts';

/**
 * `potluck doctor`: one line per check, ready or not and what to do; exit 0 when everything that is
 * configured is ready. Takes the raw environment because a bad variable must be reported, not thrown:
 * the other checks run on what is left. Tokens and passwords are never printed.
 */
export async function runDoctor(options: { env: Env; write?: (text: string) => void }): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const checks = await doctorChecks(options.env);
  write('potluck doctor\n');
  for (const c of checks) {
    write(`  ${(c.ready ? 'ready' : 'NOT READY').padEnd(10)} ${c.name.padEnd(14)} ${c.detail}\n`);
    if (!c.ready && c.fix) write(`  ${''.padEnd(10)} ${''.padEnd(14)} → ${c.fix}\n`);
  }
  const bad = checks.filter((c) => !c.ready).length;
  write(
    bad === 0
      ? 'Everything configured is ready.\n'
      : `${bad} check(s) not ready; fix them and run potluck doctor again.\n`,
  );
  return bad === 0 ? 0 : 1;
}
