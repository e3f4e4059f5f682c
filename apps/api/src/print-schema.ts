import 'reflect-metadata';
import { projectRoot } from '@opendata/common';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printPublicSchema } from './graphql/public-schema';

/** `npm run schema:print`: rewrites apps/api/schema.gql, the committed copy of the public schema. */
printPublicSchema().then(
  (sdl) => {
    const file = join(projectRoot(), 'apps', 'api', 'schema.gql');
    writeFileSync(file, sdl);
    process.stdout.write(`wrote ${file}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
