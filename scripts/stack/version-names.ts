/**
 * The names a version set goes by where people read them: the versions as pages write them
 * (2.5.0, 0.106, the 0.106-0 that pg_extension shows) and the images both profiles run. Derived
 * from scripts/stack/versions.ts only, and reading no file, so that the pages import it
 * (`import { shown } from '@site/scripts/stack/version-names'`) and examples/profiles.json and the
 * compose files' defaults are written from it (sync-version-files.ts): a bump is one edit in
 * versions.ts.
 */
import { pins, type VersionSet } from './versions';

const bare = (version: string) => version.replace(/^v/, '');

export interface VersionNames {
  /** 2.5.0 */
  ferretdb: string;
  /** 2.5 */
  ferretdbMinor: string;
  /** 0.106.0-ferretdb-2.5.0 */
  documentdb: string;
  /** 0.106 */
  documentdbMinor: string;
  /** 0.106-0: the extension's version as pg_extension shows it. */
  documentdbSchema: string;
  /** 17 */
  postgres: string;
  images: Record<'official' | 'local', { postgres: string; ferretdb: string }>;
}

export function versionNames(set: VersionSet): VersionNames {
  const ferretdb = bare(set.ferretdbVersion);
  const documentdb = set.documentdb.version;
  const postgres = pins.postgresMajor;
  return {
    ferretdb,
    ferretdbMinor: ferretdb.split('.').slice(0, 2).join('.'),
    documentdb,
    documentdbMinor: documentdb.split('.').slice(0, 2).join('.'),
    documentdbSchema: documentdb.replace(/^(\d+\.\d+)\.(\d+).*$/, '$1-$2'),
    postgres,
    images: {
      official: {
        postgres: `ghcr.io/ferretdb/postgres-documentdb:${postgres}-${documentdb}`,
        ferretdb: `ghcr.io/ferretdb/ferretdb:${ferretdb}`,
      },
      local: {
        postgres: `ferretdb-guide/postgres-documentdb:${postgres}-${documentdb}-local`,
        ferretdb: `ferretdb-guide/ferretdb:${ferretdb}-local`,
      },
    },
  };
}

/** The pinned version set, and the one the upgrade page starts from. */
export const shown = versionNames(pins);
export const shownFrom = versionNames(pins.upgradeFrom);
