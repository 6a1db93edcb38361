import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

const live = new Set<ChildProcess>();
/** Process groups led by detached children: kept even after the leader exits, for its orphans. */
const groups = new Set<number>();

/**
 * `spawn`, remembering the child so `killSpawned` (in afterEach/afterAll) ends it whether the test
 * passed or failed. With `group: true` the child leads a new process group and cleanup kills the
 * whole group, so whatever it started (`npm start` → the service) goes too, even if orphaned.
 */
export function spawnTracked(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { group?: boolean },
): ChildProcess {
  const { group, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: group ?? false });
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (group && child.pid) groups.add(child.pid);
  return child;
}

/** SIGKILLs every tracked child and process group still running, and waits for the children. */
export async function killSpawned(): Promise<void> {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // The group is already empty.
    }
  }
  groups.clear();
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  live.clear();
}

/** Whether a process with this id is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
