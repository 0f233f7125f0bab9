/**
 * What the Docker daemon holds (containers, networks, volumes), listed by id, to compare before
 * and after a guide's file (test/lib/guide-harness.ts), the whole suite (test/lib/global-setup.ts)
 * or an interrupted command (test/cli/interrupt.test.ts): whatever is new afterwards was left
 * behind, labelled or not.
 */
import { execFileSync } from 'node:child_process';

export interface DaemonObjects {
  containers: string[];
  networks: string[];
  volumes: string[];
}

/** One `docker` listing, a line each: "<id> <name>" for containers and networks, the name for volumes. */
function list(args: string[]): string[] {
  const out = execFileSync('docker', args, { encoding: 'utf8', timeout: 30_000 });
  return out.split('\n').filter(Boolean);
}

/** Synchronous, so that a signal handler or a teardown can use it as well as a test. */
export function daemonObjectsSync(): DaemonObjects {
  return {
    containers: list(['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}}']),
    networks: list(['network', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Name}}']),
    volumes: list(['volume', 'ls', '--format', '{{.Name}}']),
  };
}

export async function daemonObjects(): Promise<DaemonObjects> {
  return daemonObjectsSync();
}

/** What `after` holds that `before` did not, as "container: <id> <name>" lines. */
export function newSince(before: DaemonObjects, after: DaemonObjects): string[] {
  const kinds = ['containers', 'networks', 'volumes'] as const;
  return kinds.flatMap((kind) => {
    const had = new Set(before[kind]);
    return after[kind]
      .filter((item) => !had.has(item))
      .map((item) => `${kind.slice(0, -1)}: ${item}`);
  });
}

/** The guide's network: a container on it belongs to a guide, whoever started it. */
const GUIDE_NETWORK = 'ferretdb';
/** The volume the faults guide creates outside compose (its step 04). */
const GUIDE_VOLUMES = new Set(['replica2_data']);

function lines(args: string[]): string[] {
  try {
    return execFileSync('docker', args, { encoding: 'utf8', timeout: 30_000 })
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * For an interrupted run: removes the containers, networks and volumes new since `before` that
 * the tests made (testcontainers' label, the guide's network or volume names), and nothing else
 * that may have appeared meanwhile. Compose's own objects are left to `compose down`, which runs
 * after this (it cannot remove the network while a container started outside compose is on it).
 */
export function removeNewObjectsOfOurs(before: DaemonObjects): void {
  const had = new Set(before.containers.map((line) => line.split(' ')[0]));
  const containers = new Set([
    ...lines(['ps', '-aq', '--no-trunc', '--filter', 'label=org.testcontainers=true']),
    ...lines(['ps', '-aq', '--no-trunc', '--filter', `network=${GUIDE_NETWORK}`]),
  ]);
  const mine = [...containers].filter((id) => !had.has(id));
  if (mine.length > 0) lines(['rm', '-f', '-v', ...mine]);
  const hadNetworks = new Set(before.networks.map((line) => line.split(' ')[0]));
  const networks = lines([
    'network',
    'ls',
    '-q',
    '--no-trunc',
    '--filter',
    'label=org.testcontainers=true',
  ]).filter((id) => !hadNetworks.has(id));
  if (networks.length > 0) lines(['network', 'rm', ...networks]);
  const volumes = lines(['volume', 'ls', '-q']).filter(
    (name) => GUIDE_VOLUMES.has(name) && !before.volumes.includes(name),
  );
  if (volumes.length > 0) lines(['volume', 'rm', '-f', ...volumes]);
}
