import { INestApplicationContext } from '@nestjs/common';

/** Parsed command line: positional arguments and --options (string values, or true for flags). */
export interface CommandArgs {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Options the command accepts; anything else is a usage error. */
  options?: Record<string, { type: 'string' | 'boolean' }>;
  /** False for commands that work without the database (offline validation). */
  needsPlatform?: boolean;
  run(context: INestApplicationContext | null, args: CommandArgs, out: (line: string) => void): Promise<void>;
}

export class UsageError extends Error {}

export function requireArg(args: CommandArgs, index: number, name: string): string {
  const value = args.positionals[index];
  if (!value) throw new UsageError(`missing <${name}>`);
  return value;
}

/** Adds the command's usage line to usage errors raised while it runs. */
export function withUsage(command: Command, error: unknown): unknown {
  return error instanceof UsageError ? new UsageError(`${error.message}\nusage: npm run cli -- ${command.usage}`) : error;
}

export function optionString(args: CommandArgs, name: string): string | undefined {
  const value = args.options[name];
  if (typeof value === 'boolean') throw new UsageError(`--${name} needs a value`);
  return value;
}
