import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';

/**
 * exceljs parks a sheet that arrives before the parts it needs in a temporary file (made with the `tmp`
 * package) and removes the file, and closes its descriptor, only when the iteration moves past that sheet. A
 * read that ends early (the client went away, a fatal error) would leave the file on disk and the descriptor
 * open until the process exits. So the files a read parks are recorded here and removed when it ends.
 */
type Cleanup = () => void;
type FileCallback = (error: Error | null, path: string, fd: number, cleanup: Cleanup) => void;

const owner = new AsyncLocalStorage<Set<Cleanup>>();
let hooked = false;

/** Records, for the read running in `owner`, each temporary file exceljs makes. Installed once per process. */
function hookTmp(): void {
  if (hooked) return;
  hooked = true;
  // The `tmp` module exceljs itself loads (it looks `tmp.file` up at each call).
  const tmp = createRequire(require.resolve('exceljs'))('tmp') as { file: (...args: unknown[]) => unknown };
  const file = tmp.file;
  tmp.file = function (this: unknown, ...args: unknown[]) {
    const files = owner.getStore();
    const last = args.length - 1;
    const callback = args[last];
    if (files && typeof callback === 'function') {
      args[last] = ((error, path, fd, cleanup) => {
        if (!error) files.add(cleanup);
        (callback as FileCallback)(error, path, fd, cleanup);
      }) satisfies FileCallback;
    }
    return file.apply(this, args);
  };
}

/** The temporary files of one workbook read. */
export class ParkedSheets {
  private readonly cleanups = new Set<Cleanup>();

  constructor() {
    hookTmp();
  }

  /** Runs `step` (a step of the workbook iterator) so that the files it parks are this read's. */
  run<T>(step: () => T): T {
    return owner.run(this.cleanups, step);
  }

  /** Removes what is left; the cleanups of tmp ignore a second call, so files exceljs removed cost nothing. */
  removeAll(): void {
    for (const cleanup of this.cleanups) {
      try {
        cleanup();
      } catch {
        // already gone: nothing to remove
      }
    }
    this.cleanups.clear();
  }
}
