import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A file's role suffix names what its classes are: every class declared in `x.service.ts` is a `...Service`,
 * in `x.repository.ts` a `...Repository`, and so on, so that a class's name says where it lives and a file's
 * name says what it holds.
 */
const SUFFIXES: Record<string, string> = {
  service: 'Service',
  repository: 'Repository',
  resolver: 'Resolver',
  controller: 'Controller',
  module: 'Module',
  guard: 'Guard',
  middleware: 'Middleware',
  filter: 'Filter',
  interceptor: 'Interceptor',
  plugin: 'Plugin',
};

const ROOT = join(__dirname, '..');

/** The classes declared at the top level of a source text, exported or not. */
function classesOf(source: string): string[] {
  return [...source.matchAll(/^(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
}

/** The role of a file from its name (`dataset.service.ts` -> `service`), when it has one of SUFFIXES. */
function roleOf(path: string): string | null {
  const role = /\.([a-z]+)\.ts$/.exec(path)?.[1];
  return role && role in SUFFIXES ? role : null;
}

function sourcesUnder(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((name) => name.endsWith('.ts') && !name.split(/[\\/]/).includes('node_modules'))
    .map((name) => join(dir, name));
}

describe('class names and file suffixes', () => {
  it('reads the classes a file declares', () => {
    const source = [
      "import { Injectable } from '@nestjs/common';",
      'export class DatasetService {}',
      'export abstract class CatalogRepository extends SqlRepository {}',
      'class Helper {}',
      '/** A class for ... */',
      "const text = 'class Quoted';",
    ].join('\n');
    expect(classesOf(source)).toEqual(['DatasetService', 'CatalogRepository', 'Helper']);
  });

  it('finds in apps/ and libs/ only classes named for their file', () => {
    const files = [...sourcesUnder('apps'), ...sourcesUnder('libs')].filter((path) => roleOf(path) !== null);
    const misnamed = files.flatMap((path) => {
      const suffix = SUFFIXES[roleOf(path) as string];
      return classesOf(readFileSync(join(ROOT, path), 'utf8'))
        .filter((name) => !name.endsWith(suffix))
        .map((name) => `${path}: ${name} (should end in ${suffix})`);
    });
    expect(misnamed).toEqual([]);
    // The check saw the code base.
    expect(files.length).toBeGreaterThan(100);
    expect([...new Set(files.map(roleOf))]).toEqual(expect.arrayContaining(['service', 'repository', 'resolver', 'controller', 'module']));
  });
});
