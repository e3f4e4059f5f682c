import { SYSTEM } from '@opendata/auth';
import { DatasetService, OrganizationService } from '@opendata/catalog';
import { DemoSeeder } from '@opendata/demo';
import { Command } from './command';

export const platformCommands: Command[] = [
  {
    name: 'migrate',
    usage: 'migrate',
    summary: 'Apply pending database migrations (every start does this too).',
    async run(_ctx, _args, out) {
      out('migrations are up to date');
    },
  },
  {
    name: 'seed',
    usage: 'seed',
    summary: 'Load the demo catalogue into an empty database.',
    async run(ctx, _args, out) {
      const outcome = await ctx!.get(DemoSeeder).seedIfEmpty();
      out(
        {
          seeded: 'demo catalogue loaded',
          'already-loaded': 'the demo catalogue was loaded before',
          'not-empty': 'not loaded: the database already holds a catalogue',
        }[outcome],
      );
    },
  },
  {
    name: 'reindex',
    usage: 'reindex',
    summary: 'Rebuild the search index of every dataset (after changing the search dictionary).',
    async run(ctx, _args, out) {
      const count = await ctx!.get(DatasetService).rebuildSearchDocuments(SYSTEM, (done, total) => out(`${done}/${total}`));
      out(`reindexed ${count} datasets`);
    },
  },
  {
    name: 'org:list',
    usage: 'org:list',
    summary: 'List organizations with their slugs.',
    async run(ctx, _args, out) {
      for (const o of await ctx!.get(OrganizationService).list()) out(`${o.slug.padEnd(32)} ${o.name}`);
    },
  },
];
