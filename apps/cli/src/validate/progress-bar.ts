/**
 * A one-line progress bar on stderr for long validations (only when stderr is a terminal, so that logs and
 * pipes stay clean). Redraws at most every 200 ms.
 */
export class ProgressBar {
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(bytes: number, rows: number): void {
    const now = Date.now();
    if (!this.enabled || now - this.last < 200) return;
    this.last = now;
    const share = this.total > 0 ? Math.min(1, bytes / this.total) : 0;
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${mb(bytes)}/${mb(this.total)} MB  ${rows.toLocaleString('en')} rows  ${Math.round(rows / seconds).toLocaleString('en')} rows/s`;
    this.stream.write(`\r${line}`);
  }

  done(): void {
    if (this.enabled && this.last > 0) this.stream.write('\r\x1b[K');
  }
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
