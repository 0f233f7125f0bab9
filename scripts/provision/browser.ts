/**
 * The browser the site test drives: CHROMIUM_PATH if set, else Debian's chromium, else a Chrome
 * that the machine already has (GitHub's runners). Setup installs Debian's package when none exists.
 */
import { existsSync } from 'node:fs';
import { ensureDebPackages } from './apt';
import { detail } from './progress';

const candidates = ['/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function findBrowser(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return candidates.find((file) => existsSync(file));
}

export async function ensureBrowser(): Promise<string> {
  const found = findBrowser();
  if (found) {
    detail(`using ${found}`);
    return found;
  }
  await ensureDebPackages(['chromium']);
  return '/usr/bin/chromium';
}
