import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from './locales/en-US.json';
import zh from './locales/zh-CN.json';

function keys(messages: unknown, prefix = ''): string[] {
  if (typeof messages !== 'object' || messages === null) return [prefix];
  return Object.entries(messages).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sources(path);
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the portal messages', () => {
  it('say everything in both languages: the same keys in Chinese and in English, none empty', () => {
    const chinese = keys(zh).sort();
    const english = keys(en).sort();
    expect(english.filter((key) => !chinese.includes(key))).toEqual([]);
    expect(chinese.filter((key) => !english.includes(key))).toEqual([]);
    const empty = (messages: unknown) => keys(messages).filter((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) === '');
    expect([...empty(zh), ...empty(en)]).toEqual([]);
  });

  it('hold every key the components ask for by name', () => {
    const known = new Set(keys(zh));
    const asked = sources(join(__dirname, '..')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)].map((match) => `${match[1]} (${file})`));
    expect(asked.length).toBeGreaterThan(100);
    expect(asked.filter((entry) => !known.has(entry.split(' ')[0]))).toEqual([]);
  });
});
