/**
 * Joins work handed in at about the same time into one call (group commit). The first submission starts
 * a group on the next turn of the event loop, so that submissions made in the same turn join it; those
 * made while a group runs form the next group. Each submitter learns the outcome of its own group.
 */
export class GroupRunner<T> {
  private queue: { items: T[]; resolve(): void; reject(error: unknown): void }[] = [];
  private running = false;

  constructor(
    private readonly run: (items: T[]) => Promise<void>,
    /** A group takes whole submissions until it holds at least this many items. */
    private readonly maxItems: number,
  ) {}

  submit(items: T[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (this.running) return;
      this.running = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        let count = 0;
        let taken = 0;
        while (taken < this.queue.length && count < this.maxItems) count += this.queue[taken++]!.items.length;
        const group = this.queue.splice(0, taken);
        try {
          await this.run(group.flatMap((entry) => entry.items));
          for (const entry of group) entry.resolve();
        } catch (error) {
          for (const entry of group) entry.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
