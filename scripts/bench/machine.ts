// The machine a bench ran on, recorded with its figures: a number means
// little without the CPU and memory behind it.
import { readFileSync } from 'node:fs';
import os from 'node:os';

import type { Machine } from './types';

/** "Debian GNU/Linux 12 (bookworm)" from /etc/os-release, else the kernel's name. */
function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
    if (pretty) return `${pretty}, ${os.type()} ${os.release()} ${os.arch()}`;
  } catch {
    // Not Linux, or no os-release: the kernel's name below.
  }
  return `${os.type()} ${os.release()} ${os.arch()}`;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: { model: cpus[0]?.model.trim() ?? 'unknown', count: cpus.length },
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    node: process.version,
  };
}

export function formatMachine(machine: Machine): string {
  return `${machine.cpus.count} × ${machine.cpus.model}, ${machine.memoryGiB} GiB RAM, ${machine.os}, Node ${machine.node}`;
}
