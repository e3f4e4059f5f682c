import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppError } from '@opendata/common';
import { ConfigError, ServiceEndpoints, loadConfig } from '@opendata/config';
import { attachOrStartServices } from '@opendata/platform';
import { runMigrations } from '@opendata/database';
import { parseArgs } from 'node:util';
import { CliModule } from './cli.module';
import { Command, CommandArgs, UsageError, withUsage } from './commands/command';
import { platformCommands } from './commands/platform-commands';
import { userCommands } from './commands/user-commands';
import { schemasCheckCommand, validateCommand } from './commands/validate-command';
import { inferCommand } from './commands/infer-command';

const COMMANDS: Command[] = [...platformCommands, ...userCommands, validateCommand, schemasCheckCommand, inferCommand];

const quiet = { log: () => undefined, warn: (m: string) => process.stderr.write(`${m}\n`), error: (m: string) => process.stderr.write(`${m}\n`) };

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return ['Usage: npm run cli -- <command> [arguments]', '', ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`)].join('\n');
}

/**
 * Operator commands. They work on the same DATA_DIR as the server: while `npm start` runs they use its
 * embedded services; otherwise they start them for the duration of the command.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stdout.write(`${help()}\n`);
    return name && name !== 'help' && name !== '--help' ? 64 : 0;
  }
  let args: CommandArgs;
  try {
    const parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: command.options ?? {} });
    args = { positionals: parsed.positionals, options: parsed.values as CommandArgs['options'] };
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nusage: npm run cli -- ${command.usage}`);
  }
  const out = (line: string): void => void process.stdout.write(`${line}\n`);

  if (command.needsPlatform === false) {
    await command.run(null, args, out).catch((error: unknown) => Promise.reject(withUsage(command, error)));
    // A command reports an outcome that is not an error (an invalid file) through process.exitCode.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  }
  const config = loadConfig();
  let endpoints: ServiceEndpoints | null = null;
  let context: INestApplicationContext | null = null;
  try {
    endpoints = await attachOrStartServices(config, quiet);
    await runMigrations(endpoints.databaseUrl);
    context = await NestFactory.createApplicationContext(CliModule.forRoot(config, endpoints), { logger: ['error', 'warn'] });
    await command.run(context, args, out).catch((error: unknown) => Promise.reject(withUsage(command, error)));
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } finally {
    await context?.close();
    await endpoints?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof ConfigError) process.stderr.write(`Invalid configuration: ${error.message}\n`);
    else if (error instanceof AppError) {
      const fields = error.details?.fields;
      const text = fields ? fields.map((f) => `${f.path}: ${f.message}`).join('\n  ') : error.message;
      process.stderr.write(`${error.code}: ${fields ? `\n  ${text}` : text}\n`);
    } else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 64 : 1);
  },
);
