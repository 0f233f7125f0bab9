/**
 * What a command does when Ctrl-C (SIGINT) or SIGTERM arrives in the middle of its work: stop the
 * processes it started, run the clean-ups registered for the work in progress (newest first), and
 * exit as a shell expects (130 or 143). One place for setup and `npm run guide`; vitest's main
 * process has its own (test/lib/global-setup.ts), because vitest installs handlers of its own.
 *
 * Clean-ups are synchronous: once a signal has arrived, nothing else may run before the exit.
 */
import { execFileSync } from 'node:child_process';

type CleanUp = () => void;

const cleanUps: CleanUp[] = [];
let installed = false;

/**
 * Every process below this one in its process group: what Ctrl-C reaches too, but a SIGTERM sent
 * to this process alone does not. A descendant in a group of its own was started to outlive this
 * command (setup's dockerd) and is left alone.
 */
function descendants(root: number): number[] {
  let table: string;
  try {
    table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,pgid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  const group = new Map<number, number>();
  for (const line of table.split('\n')) {
    const [pid, ppid, pgid] = line.trim().split(/\s+/).map(Number);
    if (!pid || ppid === undefined || pgid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    group.set(pid, pgid);
  }
  const ours = group.get(root);
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (group.get(pid) !== ours) continue;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Sends SIGTERM to every descendant, then waits up to `ms` for them to be gone. */
export function stopDescendants(ms = 10_000): void {
  const pids = descendants(process.pid);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  const until = Date.now() + ms;
  while (Date.now() < until && pids.some(alive)) sleepSync(50);
}

/** Blocks for `ms`: a clean-up is synchronous (see above), so it cannot await a timer. */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let handling = false;

function onSignal(signal: NodeJS.Signals): void {
  if (handling) return; // Ctrl-C reaches us once from the terminal, and may be relayed again
  handling = true;
  console.error(`\n${signal}: stopping, and removing what this run had started…`);
  // The clean-up blocks the event loop; let it turn once first. tsx, which runs these commands,
  // waits 30 ms for its child to acknowledge a signal over IPC and SIGKILLs it otherwise.
  setTimeout(() => {
    stopDescendants();
    for (const cleanUp of cleanUps.splice(0).reverse()) {
      try {
        cleanUp();
      } catch (error) {
        console.error(`  a clean-up failed: ${String(error)}`);
      }
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  }, 10);
}

/**
 * Installs the handler: from now on a signal stops the processes started and runs the registered
 * clean-ups. Call it first thing, so that a signal in the first second is handled the same way.
 */
export function handleInterrupts(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * Registers a clean-up for the work that follows; call the returned function once that work is
 * done (or has cleaned up after itself), so that a later signal does not undo it.
 */
export function onInterrupt(cleanUp: CleanUp): () => void {
  handleInterrupts();
  cleanUps.push(cleanUp);
  return () => {
    const at = cleanUps.indexOf(cleanUp);
    if (at >= 0) cleanUps.splice(at, 1);
  };
}

/**
 * Whether a signal has arrived: the tool it stopped then fails, and that failure is the
 * interruption's, not one to report (the handler exits once its clean-up is done).
 */
export function interrupted(): boolean {
  return handling;
}
