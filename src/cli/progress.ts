/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export class ProgressBar {
  private readonly enabled = Boolean(process.stderr.isTTY);
  private lastDraw = 0;

  constructor(private readonly total: number, private readonly unit: string) {}

  update(done: number): void {
    const now = Date.now();
    if (!this.enabled || (now - this.lastDraw < 100 && done < this.total)) return;
    this.lastDraw = now;
    const width = 30;
    const filled = this.total ? Math.round((done / this.total) * width) : width;
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${this.unit}`);
  }

  finish(): void {
    if (this.enabled) process.stderr.write('\n');
  }
}
