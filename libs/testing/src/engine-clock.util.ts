/** The test engine's controlled clock (enabled only in test mode): timers fire without waiting days. */
export class EngineClock {
  constructor(private readonly engineUrl: string) {}

  private async post(path: string, body?: unknown): Promise<Date> {
    const response = await fetch(`${this.engineUrl}/engine-clock${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`engine clock ${path}: HTTP ${response.status}`);
    return new Date(((await response.json()) as { now: string }).now);
  }

  advance(ms: number): Promise<Date> {
    return this.post('/advance', { millis: ms });
  }

  /** Moves the clock just past an instant: due dates roll over weekends and holidays, so days vary. */
  async advancePast(instant: string | Date, marginMs = 3600 * 1000): Promise<Date> {
    const now = await this.advance(0);
    return this.advance(Math.max(0, new Date(instant).getTime() - now.getTime() + marginMs));
  }

  reset(): Promise<Date> {
    return this.post('/reset');
  }
}

export const DAY_MS = 24 * 3600 * 1000;
