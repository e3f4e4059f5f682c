import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Path of a file in the shared data set: `../shared/data` beside the checkout (where CI puts it), or
 * $OPENDATA_SHARED_DIR/data.
 */
export function sharedData(...parts: string[]): string {
  const root = process.env.OPENDATA_SHARED_DIR ?? resolve(__dirname, '../../../shared');
  const path = resolve(root, 'data', ...parts);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: conformance suites need the shared data set at ../shared beside the checkout (or set OPENDATA_SHARED_DIR)`);
  }
  return path;
}
