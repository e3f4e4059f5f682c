// Builds the portal: typed GraphQL documents from apps/api/schema.gql (codegen), then the type check (vue-tsc)
// and the Vite build side by side. Any failure fails the build. With --if-changed (what `npm start` runs) it
// first hashes the portal's inputs (its sources, the schema, the lock file) and skips the build when the stamp
// written by the last successful build matches.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const portal = join(root, 'apps/portal');
const out = join(root, 'dist/portal');
const stampFile = join(out, '.build-stamp');
const bin = (name) => join(root, 'node_modules/.bin', name);

async function files(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return path === join(portal, 'src/gql') ? [] : files(path);
      return [path];
    }),
  );
  return nested.flat();
}

async function inputsHash() {
  const hash = createHash('sha256');
  const list = [...(await files(portal)), join(root, 'apps/api/schema.gql'), join(root, 'package-lock.json')].sort();
  for (const file of list) {
    hash.update(relative(root, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Runs a command; its output is shown as it comes, or (quiet) only when it fails. */
function run(command, args, { quiet = false } = {}) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code === 0) return done();
      if (quiet) process.stderr.write(output);
      fail(new Error(`${relative(root, command)} ${args.join(' ')} exited with ${code}`));
    });
  });
}

async function main() {
  const ifChanged = process.argv.includes('--if-changed');
  const started = Date.now();
  const hash = await inputsHash();
  if (ifChanged && existsSync(join(out, 'index.html')) && existsSync(stampFile) && (await readFile(stampFile, 'utf8')) === hash) return;
  if (ifChanged) process.stdout.write('Building the portal (its sources changed since the last build) ...\n');
  await rm(stampFile, { force: true });
  await run(bin('graphql-codegen'), ['--config', 'apps/portal/codegen.ts'], { quiet: true });
  await Promise.all([
    run(bin('vue-tsc'), ['--noEmit', '-p', 'apps/portal/tsconfig.json']),
    run(bin('vite'), ['build', '--config', 'apps/portal/vite.config.mts', '--logLevel', 'warn']),
  ]);
  await writeFile(stampFile, hash);
  process.stdout.write(`Portal built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${relative(root, out)}\n`);
}

main().catch((error) => {
  process.stderr.write(`Portal build failed: ${error.message}\n`);
  process.exit(1);
});
