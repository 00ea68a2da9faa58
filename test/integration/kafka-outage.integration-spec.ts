import { complaintFixture, eventually, http, killComponent, startComponent } from '@oversight/testing';
import { startSystem, System } from './system';

/** Kafka goes away for a while: complaints are still accepted, and every event arrives once it is back. */
describe('a Kafka outage', () => {
  let system: System;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await startComponent('kafka'); // never leave the run without Kafka
    await system?.stop();
  });

  it('loses no event: the outbox holds them until Kafka is back', async () => {
    await killComponent('kafka');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { status, body } = await http<{ id: string }>(
        'POST',
        `${system.justiceBureau.url}/api/public/complaints`,
        complaintFixture({ summary: `停机期间的投诉 ${i}` }),
      );
      expect(status).toBe(201); // durable in PostgreSQL, acknowledged without Kafka
      ids.push(body.id);
    }
    await new Promise((r) => setTimeout(r, 3000));
    const pending = await system.jbDb.query(
      `SELECT count(*)::int AS n FROM justice_bureau.outbox_message WHERE published_at IS NULL AND message_key = ANY($1)`,
      [ids],
    );
    expect(pending[0].n).toBe(5);

    await startComponent('kafka');
    await eventually(
      async () => {
        const rows = await system.liaisonDb.query(
          `SELECT count(*)::int AS n FROM liaison.transfer WHERE source_ref = ANY($1) AND status = 'in-review'`,
          [ids],
        );
        return rows[0].n === 5;
      },
      { timeoutMs: 90000, what: 'all five complaints to reach liaison after the outage' },
    );
    const published = await system.jbDb.query(
      `SELECT count(*)::int AS n FROM justice_bureau.outbox_message WHERE published_at IS NULL AND message_key = ANY($1)`,
      [ids],
    );
    expect(published[0].n).toBe(0);
  });
});
