// The one way every command of this repository reads its arguments: node's
// util.parseArgs in strict mode, plus what each command would otherwise do on
// its own and differently: `--help`/`-h` prints the usage and exits 0 before
// the command does anything, and anything parseArgs rejects (an unknown
// option, a stray argument, a missing value) is one line, `error: …`, then the
// usage, and exit 2, the shell's code for a command used wrongly; never a
// stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsSpec = NonNullable<ParseArgsConfig['options']>;

export interface CliSpec<O extends OptionsSpec, P extends boolean> {
  /** Printed for --help on stdout, and after a usage error on stderr. */
  readonly usage: string;
  /** util.parseArgs options; `help` (-h) is added to them. */
  readonly options: O;
  /** Whether the command takes arguments that are not options (default: none). */
  readonly positionals?: P;
  /** What to parse; default: the command line after the script. */
  readonly args?: readonly string[];
}

const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends OptionsSpec, P extends boolean> = ReturnType<
  typeof parseArgs<{ options: O & typeof helpOption; strict: true; allowPositionals: P }>
>;

export type Cli<O extends OptionsSpec, P extends boolean> = Parsed<O, P> & {
  /** For what parseArgs cannot check (a value out of range, an unknown name): as its own errors. */
  usageError(message: string): never;
};

/** The usage error of every command: one line, the usage, exit 2. */
function exitWithUsageError(message: string, usage: string): never {
  process.stderr.write(`error: ${message}\n\n${usage.trimEnd()}\n`);
  process.exit(2);
}

/**
 * parseArgs' messages, first sentence only, lower-cased to read as the rest of our errors:
 * "Unknown option '--x'. To specify a positional argument…" becomes "unknown option '--x'".
 */
function oneLine(message: string): string {
  const first = (message.split(/\.\s/, 1)[0] ?? message).replace(/\s+/g, ' ').trim();
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

export function parseCli<const O extends OptionsSpec, const P extends boolean = false>(
  spec: CliSpec<O, P>,
): Cli<O, P> {
  const usageError = (message: string): never => exitWithUsageError(message, spec.usage);
  let parsed: Parsed<O, P>;
  try {
    parsed = parseArgs({
      args: spec.args ?? process.argv.slice(2),
      options: { ...spec.options, ...helpOption },
      strict: true,
      allowPositionals: (spec.positionals ?? false) as P,
    }) as Parsed<O, P>;
  } catch (error) {
    if (isParseArgsError(error)) usageError(oneLine(error.message));
    throw error;
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${spec.usage.trimEnd()}\n`);
    process.exit(0);
  }
  return Object.assign(parsed, { usageError });
}
