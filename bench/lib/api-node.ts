import { join } from 'node:path';

/**
 * Node's arguments for the API as `npm start` runs it (package.json "start"): the heap cap, then the compiled
 * entry point. Without a cap V8 sizes the old generation from the machine's memory (4 GB here) and lets the
 * garbage of successive uploads pile up before a full collection; with one it collects sooner.
 */
export function apiNodeArgs(root: string): string[] {
  return [`--max-old-space-size=${process.env.API_HEAP_MB ?? 1024}`, join(root, 'dist/apps/api/src/main.js')];
}
