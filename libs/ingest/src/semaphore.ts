import { AppError } from '@opendata/common';

/** At most `limit` holders at once; further callers are told to come back (uploads hold a connection each). */
export class Semaphore {
  private held = 0;

  constructor(private readonly limit: number) {}

  acquire(): () => void {
    if (this.held >= this.limit) {
      throw new AppError('SERVICE_UNAVAILABLE', `The server is processing ${this.limit} uploads already; try again shortly`);
    }
    this.held++;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.held--;
      }
    };
  }
}
