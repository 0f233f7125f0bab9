/**
 * A client on another network, as a machine elsewhere would be: a container with no Docker
 * network at all (`--network none`), given one veth link of its own to the host on a subnet Docker
 * knows nothing of. A container on one of Docker's bridges would not do: Docker masquerades its
 * traffic, so it reaches a published port from a gateway address, which is exactly what the test
 * must tell apart. Needs root (ip, nsenter), as the rest of the suite does.
 */
import { $ } from 'zx';

/** The link's subnet: the host's end and the client's end. */
export const OTHER_NETWORK = { host: '10.213.0.1', client: '10.213.0.2', prefix: 24 } as const;

const CONTAINER = 'guide_other_network_client';
const HOST_LINK = 'gdother0';
const CLIENT_LINK = 'gdother1';

const quiet = { quiet: true, nothrow: true } as const;

/** Removes the client and its link; safe when neither exists. */
async function removeClient(): Promise<void> {
  // -v: the image declares its data directory a volume, which would outlive the container.
  await $(quiet)`docker rm -f -v ${CONTAINER}`;
  // The client's end leaves with its namespace, and a veth pair goes with either end; this is for
  // a run interrupted between creating the pair and moving one end.
  await $(quiet)`ip link del ${HOST_LINK}`;
}

export interface OtherNetworkClient {
  /** Runs a command in the client; resolves with its exit code and what it printed. */
  exec(command: string[]): Promise<{ exitCode: number; output: string }>;
}

/**
 * Runs `use` with a client on 10.213.0.2 whose only route leads to the host at 10.213.0.1, using
 * `image` (which has psql); the client and its link are removed afterwards, whatever happens.
 */
export async function withOtherNetworkClient<T>(
  image: string,
  use: (client: OtherNetworkClient) => Promise<T>,
): Promise<T> {
  await removeClient();
  try {
    await $`docker run -d --network none --name ${CONTAINER} --entrypoint sleep ${image} infinity`.quiet();
    const pid = (
      await $`docker inspect --format {{.State.Pid}} ${CONTAINER}`.quiet()
    ).stdout.trim();
    const { host, client, prefix } = OTHER_NETWORK;
    await $`ip link add ${HOST_LINK} type veth peer name ${CLIENT_LINK}`;
    await $`ip link set ${CLIENT_LINK} netns ${pid}`;
    await $`ip addr add ${host}/${prefix} dev ${HOST_LINK}`;
    await $`ip link set ${HOST_LINK} up`;
    await $`nsenter -t ${pid} -n ip addr add ${client}/${prefix} dev ${CLIENT_LINK}`;
    await $`nsenter -t ${pid} -n ip link set ${CLIENT_LINK} up`;
    await $`nsenter -t ${pid} -n ip route add default via ${host}`;
    return await use({
      async exec(command) {
        const run = await $(quiet)`docker exec ${CONTAINER} ${command}`;
        return { exitCode: run.exitCode ?? -1, output: run.stdout + run.stderr };
      },
    });
  } finally {
    await removeClient();
  }
}
