import { TOPIC } from '@oversight/contracts';
import { beijingDate, dueAt } from '@oversight/deadlines';
import { AS_STAFF, asAgency, eventually, http } from '@oversight/testing';
import { FOLLOW_UP_RULES } from '../../apps/justice-bureau/src/follow-up-visit/follow-up-rules';
import { drawSample } from '../../apps/justice-bureau/src/follow-up-visit/follow-up-sample.util';
import { Services, startServices } from './services';

/**
 * Follow-up visits (回访, plan 四（四）2) through the gateway on real PostgreSQL and Kafka: agencies and the
 * office register closed cases, the office draws the sample at the ratio of each kind (reproducibly),
 * records the visits — a dissatisfied party asks for a supervision case —, and reads the statistics and
 * the overdue visits; the results are the agencies' assessment input.
 */

type ErrorBody = { message: { zh: string; en: string } };
type Kind = 'enforcement' | 'reconsideration' | 'litigation';
interface Visit {
  id: string;
  caseId: string;
  agencyCode: string;
  caseKind: Kind;
  dueAt: string;
  status: string;
  result: string | null;
  supervisionRequested: boolean;
}
interface Draw {
  id: string;
  seed: string;
  ratios: Record<Kind, number>;
  population: Record<Kind, string[]>;
  selected: Record<Kind, string[]>;
  drawnAt: string;
  visits: Visit[];
}

const YEAR = 2032;
const run = Date.now().toString(36);

describe('follow-up visits', () => {
  let system: Services;

  beforeAll(async () => {
    system = await startServices(['justice-bureau']);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const api = (path: string) => `${system.api}${path}`;
  const caseOf = (kind: Kind, n: number, extra: Record<string, unknown> = {}) => ({
    caseKind: kind,
    caseNumber: `${kind}-${n}-${run}`,
    title: `${kind}案件${n}`,
    closedOn: `${YEAR}-0${1 + (n % 9)}-10`,
    partyName: `当事人${n}`,
    partyPhone: '13900000000',
    ...extra,
  });

  it('draws the sample at the ratios, records the visits and asks for supervision on a dissatisfied party', async () => {
    // Agencies register their own closed cases; the office registers reconsideration and litigation cases.
    for (let n = 1; n <= 12; n++) {
      const res = await http(
        'POST',
        api('/agency/follow-up-cases'),
        caseOf('enforcement', n),
        asAgency('scjg'),
      );
      expect(res.status).toBe(201);
    }
    for (let n = 13; n <= 15; n++) {
      expect(
        (await http('POST', api('/agency/follow-up-cases'), caseOf('enforcement', n), asAgency('cgj')))
          .status,
      ).toBe(201);
    }
    for (const [kind, n, agency] of [
      ['reconsideration', 1, 'scjg'],
      ['reconsideration', 2, 'cgj'],
      ['litigation', 1, 'cgj'],
    ] as const) {
      expect(
        (
          await http(
            'POST',
            api('/follow-up-visits/cases'),
            caseOf(kind, n, { agencyCode: agency }),
            AS_STAFF,
          )
        ).status,
      ).toBe(201);
    }
    const dup = await http<ErrorBody>(
      'POST',
      api('/agency/follow-up-cases'),
      caseOf('enforcement', 1),
      asAgency('scjg'),
    );
    expect(dup.status).toBe(409);
    expect(dup.body.message.zh).toContain('已登记');
    expect(
      (
        await http(
          'POST',
          api('/follow-up-visits/cases'),
          caseOf('litigation', 9, { agencyCode: 'rd' }),
          AS_STAFF,
        )
      ).status,
    ).toBe(422);
    expect(
      (await http('POST', api('/agency/follow-up-cases'), caseOf('other' as Kind, 9), asAgency('scjg')))
        .status,
    ).toBe(400);
    expect(
      (await http('POST', api('/follow-up-visits/draws'), { year: YEAR }, asAgency('scjg'))).status,
    ).toBe(403);
    const badDay = await http<{ fields: { field: string; zh: string }[] }>(
      'POST',
      api('/agency/follow-up-cases'),
      caseOf('enforcement', 98, { closedOn: `${YEAR}-02-30` }),
      asAgency('scjg'),
    );
    expect(badDay.status).toBe(400);
    expect(badDay.body.fields[0]).toMatchObject({ field: 'closedOn', zh: '结案日期：不是有效的日期' });
    // The county government office handles no enforcement cases of its own.
    expect(
      (await http('POST', api('/agency/follow-up-cases'), caseOf('enforcement', 99), asAgency('zfb'))).status,
    ).toBe(403);
    const mine = await http<{ items: { agencyCode: string }[] }>(
      'GET',
      api(`/agency/follow-up-cases?year=${YEAR}`),
      undefined,
      asAgency('cgj'),
    );
    expect(mine.body.items.map((c) => c.agencyCode)).toEqual(Array(5).fill('cgj'));

    // The draw: 10% of 15 enforcement cases → 2, 20% of 2 reconsideration → 1, 20% of 1 litigation → 1.
    const seed = `seed-${run}`;
    const drawn = await http<Draw>('POST', api('/follow-up-visits/draws'), { year: YEAR, seed }, AS_STAFF);
    expect(drawn.status).toBe(201);
    const draw = drawn.body;
    expect(draw.ratios).toEqual(FOLLOW_UP_RULES.ratios);
    expect([
      draw.population.enforcement.length,
      draw.population.reconsideration.length,
      draw.population.litigation.length,
    ]).toEqual([15, 2, 1]);
    expect([
      draw.selected.enforcement.length,
      draw.selected.reconsideration.length,
      draw.selected.litigation.length,
    ]).toEqual([2, 1, 1]);
    // Reproducible: the recorded seed over the recorded population gives the same sample.
    const population = (Object.keys(draw.population) as Kind[]).flatMap((kind) =>
      draw.population[kind].map((id) => ({ id, kind })),
    );
    expect(drawSample(population, draw.ratios, draw.seed)).toEqual(draw.selected);
    expect(draw.visits.map((v) => v.caseId).sort()).toEqual(Object.values(draw.selected).flat().sort());
    const due = dueAt(FOLLOW_UP_RULES.visitDue, new Date(draw.drawnAt)).toISOString();
    expect(draw.visits.every((v) => v.dueAt === due && v.status === 'due')).toBe(true);
    // Nothing is left to draw for the year.
    expect((await http('POST', api('/follow-up-visits/draws'), { year: YEAR }, AS_STAFF)).status).toBe(422);

    // Visit results: bad input refused, nothing recorded.
    const [dissatisfied, satisfied, unreached, pending] = draw.visits;
    const resultUrl = (id: string) => api(`/follow-up-visits/${id}/result`);
    const visit = { reached: true, satisfaction: 2, method: 'phone', visitor: '王晓明' };
    const range = await http<ErrorBody>(
      'POST',
      resultUrl(dissatisfied.id),
      { ...visit, satisfaction: 6 },
      AS_STAFF,
    );
    expect(range.status).toBe(422);
    expect(range.body.message.zh).toContain('1至5分');
    expect(
      (await http('POST', resultUrl(dissatisfied.id), { ...visit, satisfaction: undefined }, AS_STAFF))
        .status,
    ).toBe(422);
    expect(
      (await http('POST', resultUrl(dissatisfied.id), { ...visit, reached: false }, AS_STAFF)).status,
    ).toBe(422);
    expect((await http('POST', resultUrl(dissatisfied.id), visit, asAgency('scjg'))).status).toBe(403);
    expect(
      (await http('POST', resultUrl('00000000-0000-4000-8000-000000000000'), visit, AS_STAFF)).status,
    ).toBe(404);

    const record = async (id: string, body: Record<string, unknown>) => {
      const res = await http<Visit>('POST', resultUrl(id), body, AS_STAFF);
      expect(res.status).toBe(201);
      return res.body;
    };
    expect(
      await record(dissatisfied.id, { ...visit, problems: '执法人员态度粗暴，未出示执法证件' }),
    ).toMatchObject({ status: 'done', result: 'dissatisfied', supervisionRequested: true });
    expect(await record(satisfied.id, { ...visit, satisfaction: 5, method: 'onsite' })).toMatchObject({
      result: 'satisfied',
      supervisionRequested: false,
    });
    expect(await record(unreached.id, { reached: false, method: 'phone', visitor: '王晓明' })).toMatchObject({
      result: 'unreached',
      supervisionRequested: false,
    });
    expect((await http('POST', resultUrl(dissatisfied.id), visit, AS_STAFF)).status).toBe(409);

    // One assessment row per visit.
    const db = system.db('justice-bureau');
    const rows: { source_ref: string; unit_code: string; result: string; score: number | null }[] =
      await db.query(
        `SELECT source_ref, unit_code, result, score FROM justice_bureau.assessment_input
        WHERE source = 'follow-up-visit' AND year = $1 ORDER BY result`,
        [YEAR],
      );
    expect(
      rows.map((r) => [r.source_ref, r.unit_code, r.result, r.score === null ? null : Number(r.score)]),
    ).toEqual([
      [dissatisfied.id, dissatisfied.agencyCode, 'dissatisfied', 2],
      [satisfied.id, satisfied.agencyCode, 'satisfied', 5],
      [unreached.id, unreached.agencyCode, 'unreached', null],
    ]);

    // The dissatisfied visit asks for a supervision case, once, published to Kafka.
    const requests = await eventually(
      async () => {
        const found: {
          message_key: string;
          envelope: { data: Record<string, string> };
          published_at: Date | null;
        }[] = await db.query(
          `SELECT message_key, envelope, published_at FROM justice_bureau.outbox_message
              WHERE topic = $1 AND message_key = ANY($2)`,
          [TOPIC.supervisionCaseRequested, draw.visits.map((v) => v.id)],
        );
        return found.length === 1 && found[0].published_at !== null && found;
      },
      { what: 'the supervision request published', timeoutMs: 60_000 },
    );
    expect(requests[0].message_key).toBe(dissatisfied.id);
    expect(requests[0].envelope.data).toMatchObject({
      source: 'follow-up-visit',
      sourceRef: dissatisfied.id,
      requestedBy: 'sfj',
      agencyCode: dissatisfied.agencyCode,
    });
    expect(requests[0].envelope.data.facts).toContain('执法人员态度粗暴');

    // Statistics per agency; the visit not made is overdue once its day has passed.
    // `due` is 24:00 of the due day (Beijing), so that day itself is the last one on time.
    const dueDay = beijingDate(new Date(new Date(due).getTime() - 1));
    const dayAfter = beijingDate(new Date(new Date(due).getTime() + 1000));
    const stats = await http<{
      agencies: {
        agencyCode: string;
        cases: number;
        sampled: number;
        visited: number;
        reached: number;
        satisfiedRate: number | null;
        dissatisfied: number;
        problems: number;
        overdue: number;
      }[];
    }>('GET', api(`/follow-up-visits/statistics?year=${YEAR}&asOf=${dayAfter}`), undefined, AS_STAFF);
    expect(stats.status).toBe(200);
    const expected = (code: string) => {
      const own = draw.visits.filter((v) => v.agencyCode === code);
      const has = (v: Visit) => own.some((o) => o.id === v.id);
      const reached = [dissatisfied, satisfied].filter(has).length;
      return {
        agencyCode: code,
        cases: code === 'scjg' ? 13 : 5,
        sampled: own.length,
        visited: [dissatisfied, satisfied, unreached].filter(has).length,
        reached,
        satisfiedRate: reached === 0 ? null : Math.round(((has(satisfied) ? 1 : 0) / reached) * 1000) / 10,
        dissatisfied: has(dissatisfied) ? 1 : 0,
        problems: has(dissatisfied) ? 1 : 0,
        overdue: has(pending) ? 1 : 0,
      };
    };
    expect(stats.body.agencies).toEqual([
      expect.objectContaining(expected('cgj')),
      expect.objectContaining(expected('scjg')),
    ]);

    const overdue = await http<{ items: Visit[] }>(
      'GET',
      api(`/follow-up-visits/overdue?asOf=${dayAfter}`),
      undefined,
      AS_STAFF,
    );
    expect(overdue.body.items.map((v) => v.id)).toEqual([pending.id]);
    const onTime = await http<{ items: Visit[] }>(
      'GET',
      api(`/follow-up-visits/overdue?asOf=${dueDay}`),
      undefined,
      AS_STAFF,
    );
    expect(onTime.body.items).toEqual([]);
    expect(
      (await http('GET', api('/follow-up-visits/overdue?asOf=tomorrow'), undefined, AS_STAFF)).status,
    ).toBe(400);

    // A case registered later goes to the next draw alone; a satisfied party who reports a problem
    // also asks for supervision.
    expect(
      (await http('POST', api('/agency/follow-up-cases'), caseOf('litigation', 7), asAgency('scjg'))).status,
    ).toBe(201);
    const next = await http<Draw>('POST', api('/follow-up-visits/draws'), { year: YEAR }, AS_STAFF);
    expect(next.status).toBe(201);
    expect(next.body.population).toEqual({
      enforcement: [],
      reconsideration: [],
      litigation: [next.body.visits[0].caseId],
    });
    expect(next.body.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(
      await record(next.body.visits[0].id, { ...visit, satisfaction: 4, problems: '罚款决定书送达不及时' }),
    ).toMatchObject({ result: 'problem', supervisionRequested: true });
    const second: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM justice_bureau.outbox_message WHERE topic = $1 AND message_key = $2`,
      [TOPIC.supervisionCaseRequested, next.body.visits[0].id],
    );
    expect(second[0].n).toBe(1);
  });
});
