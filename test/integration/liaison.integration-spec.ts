import ExcelJS from 'exceljs';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { EventEnvelope, SERVICE, TOPIC, TransferChangedV1, transferKey } from '@oversight/contracts';
import {
  AS_STAFF,
  asAgency,
  eventually,
  http,
  pdfText,
  RunningService,
  startServiceForTest,
  authenticate,
  asStaff,
} from '@oversight/testing';
import { AppModule as LiaisonModule } from '../../apps/liaison/src/app.module';
import { buildDataSourceOptions } from '../../apps/liaison/src/liaison.datasource';

/**
 * Liaison on its own, fed only by Kafka events as every process publishes them: the register, its
 * rebuild from the topics, the meetings that work it down, and the exports.
 */

const SECRETARY = { ...AS_STAFF, 'x-oversight-user': 'secretary-chen', 'x-oversight-roles': 'secretary' };
const ADMIN = { ...AS_STAFF, 'x-oversight-user': 'admin-zhou', 'x-oversight-roles': 'admin' };
const DAY = 24 * 3600 * 1000;

interface Transfer {
  id: string;
  kind: string;
  sourceRef: string;
  sender: string;
  receiver: string;
  status: string;
  dueAt: string | null;
  closedAt: string | null;
  overdue: boolean;
}

describe('liaison: one register of every transfer, rebuilt from the topics, worked down by meetings', () => {
  let liaison: RunningService;
  let db: DataSource;
  let producer: Producer;
  const run = randomUUID().slice(0, 8); // this run's transfers, apart from other tests' ones
  const api = (path: string) => `${liaison.url}/api/liaison${path}`;

  beforeAll(async () => {
    liaison = await startServiceForTest({
      service: SERVICE.liaison,
      module: LiaisonModule.forRoot(loadConfig(ServiceConfig, { ...process.env, ENGINE_WORKERS: 'false' })),
      dataSource: buildDataSourceOptions(process.env.DATABASE_URL!),
    });
    db = liaison.app.get(DataSource);
    const kafka = new Kafka({ clientId: 'liaison-test', brokers: process.env.KAFKA_BROKERS!.split(',') });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await liaison?.close();
  });

  const envelope = (data: TransferChangedV1, time: Date): EventEnvelope<TransferChangedV1> => ({
    id: randomUUID(),
    type: TOPIC.transferChanged,
    source: 'test',
    time: time.toISOString(),
    subject: transferKey(data),
    data,
  });

  async function publish(...events: EventEnvelope<TransferChangedV1>[]) {
    await producer.send({
      topic: TOPIC.transferChanged,
      messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
    });
  }

  const list = async (query: string, headers: Record<string, string> = AS_STAFF) =>
    (
      await http<{ total: number; items: Transfer[] }>(
        'GET',
        api(`/transfers?limit=500&${query}`),
        undefined,
        headers,
      )
    ).body;

  const mine = (items: Transfer[]) => items.filter((t) => t.sourceRef.startsWith(run));

  /** Snapshot of this run's part of the register, without ids (a rebuild may change those). */
  async function snapshot() {
    const transfers = await db.query(
      `SELECT kind, source_ref, sender, receiver, subject, due_at, status, status_at, opened_at, closed_at, overdue_since
         FROM liaison.transfer WHERE source_ref LIKE $1 ORDER BY kind, source_ref`,
      [`${run}%`],
    );
    const events = await db.query(
      `SELECT e.event_id, e.event_type, e.status, e.occurred_at, t.kind, t.source_ref
         FROM liaison.transfer_event e JOIN liaison.transfer t ON t.id = e.transfer_id
        WHERE t.source_ref LIKE $1 ORDER BY e.event_id`,
      [`${run}%`],
    );
    return { transfers, events };
  }

  it('folds every kind of transfer into one register, whatever the order and however often events arrive', async () => {
    const now = Date.now();
    const caseRef = `${run}-case`;
    const sent = envelope(
      {
        kind: 'criminal-case-transfer',
        sourceRef: caseRef,
        sender: 'scjg',
        receiver: 'gaj',
        subject: '涉嫌生产销售伪劣产品案',
        dueAt: new Date(now - 2 * DAY).toISOString(),
        status: 'sent',
        documents: [{ name: '移送书' }, { name: '涉案物品清单' }],
        basis: '国务院令第310号 第八条',
      },
      new Date(now - 5 * DAY),
    );
    const received = envelope(
      {
        kind: 'criminal-case-transfer',
        sourceRef: caseRef,
        status: 'received',
        documents: [{ name: '回执' }],
      },
      new Date(now - 4 * DAY),
    );
    const clue = envelope(
      {
        kind: 'clue-referral',
        sourceRef: `${run}-clue`,
        sender: 'sfj',
        receiver: 'jw',
        subject: '执法人员违规收取罚款问题线索',
        dueAt: new Date(now + 10 * DAY).toISOString(),
        status: 'sent',
      },
      new Date(now - DAY),
    );
    const assignmentOpen = envelope(
      {
        kind: 'complaint-assignment',
        sourceRef: `${run}-complaint`,
        sender: 'sfj',
        receiver: 'xgz',
        subject: '占道经营投诉',
        dueAt: new Date(now + 30 * DAY).toISOString(),
        status: 'assigned',
      },
      new Date(now - 3 * DAY),
    );
    const assignmentClosed = envelope(
      { kind: 'complaint-assignment', sourceRef: `${run}-complaint`, status: 'replied', closed: true },
      new Date(now - 2 * DAY),
    );
    // Newest first, and everything twice.
    await publish(received, assignmentClosed, sent, clue, assignmentOpen);
    await publish(received, assignmentClosed, sent, clue, assignmentOpen);

    const register = await eventually(async () => {
      const items = mine((await list('')).items);
      return items.length === 3 && items.every((t) => t.status !== 'unknown' && t.sender) && items;
    });
    // Overdue first, then by due date.
    expect(register.map((t) => t.kind)).toEqual([
      'criminal-case-transfer',
      'clue-referral',
      'complaint-assignment',
    ]);
    const [criminal, referral, assignment] = register;
    expect(criminal).toMatchObject({ status: 'received', sender: 'scjg', receiver: 'gaj', overdue: true });
    expect(referral.overdue).toBe(false);
    expect(assignment).toMatchObject({ status: 'replied', overdue: false });
    expect(assignment.closedAt).not.toBeNull();

    // The timeline: each event once, in time order, with its documents.
    const timeline = await http<{
      history: { eventId: string; status: string; detail: TransferChangedV1 }[];
    }>('GET', api(`/transfers/${criminal.id}`), undefined, AS_STAFF);
    expect(timeline.body.history.map((h) => h.status)).toEqual(['sent', 'received']);
    expect(timeline.body.history.flatMap((h) => h.detail.documents?.map((d) => d.name) ?? [])).toEqual([
      '移送书',
      '涉案物品清单',
      '回执',
    ]);
  });

  it('shows each body what its role allows and filters by body, kind, status, period and overdue', async () => {
    await eventually(async () => mine((await list('')).items).length >= 3);
    // The police see the case sent to them, not the clue referral or the complaint.
    const police = mine((await list('', asAgency('gaj'))).items);
    expect(police.map((t) => t.kind)).toEqual(['criminal-case-transfer']);
    const referral = mine((await list('kind=clue-referral')).items)[0];
    expect((await http('GET', api(`/transfers/${referral.id}`), undefined, asAgency('gaj'))).status).toBe(
      404,
    );
    expect((await http('GET', api('/transfers'))).status).toBe(401);
    // The procuratorate, a supervising body, sees everything.
    expect(mine((await list('', asStaff('jcy'))).items)).toHaveLength(3);

    expect(mine((await list('body=gaj')).items).map((t) => t.kind)).toEqual(['criminal-case-transfer']);
    const overdueOnly = await list('overdue=true');
    expect(mine(overdueOnly.items).map((t) => t.kind)).toEqual(['criminal-case-transfer']);
    expect(overdueOnly.total).toBe(overdueOnly.items.length); // the count honours the filter too
    expect(mine((await list('open=false')).items).map((t) => t.kind)).toEqual(['complaint-assignment']);
    expect(mine((await list('from=2001-01-01&to=2001-12-31')).items)).toHaveLength(0);
    const bad = await http<{ fields: { field: string }[] }>(
      'GET',
      api('/transfers?from=last-week'),
      undefined,
      AS_STAFF,
    );
    expect(bad.status).toBe(400);
  });

  it('rebuilds the register from the topics and arrives at the same state', async () => {
    await eventually(async () => mine((await list('')).items).length >= 3);
    const before = await snapshot();
    expect(before.transfers).toHaveLength(3);
    expect((await http('POST', api('/admin/rebuild'), undefined, AS_STAFF)).status).toBe(403);
    // A message no handler can apply (no kind) sits in the topic's history: the rebuild skips it.
    const poison = envelope({ sourceRef: `${run}-poison` } as unknown as TransferChangedV1, new Date());
    await publish(poison);
    const rebuilt = await http<{ events: number; skipped: number; transfers: number }>(
      'POST',
      api('/admin/rebuild'),
      undefined,
      ADMIN,
    );
    expect(rebuilt.status).toBe(201);
    expect(rebuilt.body.events).toBeGreaterThanOrEqual(10);
    expect(rebuilt.body.skipped).toBeGreaterThanOrEqual(1);
    expect(await snapshot()).toEqual(before);
  });

  it('counts transfers and on-time rates per body and quarter, and exports the register and statistics', async () => {
    await eventually(async () => mine((await list('')).items).length >= 3);
    const year = new Date().getFullYear();
    const stats = await http<{
      rows: { body: string; quarter: number; total: number; overdueOpen: number }[];
    }>('GET', api(`/statistics?year=${year}`), undefined, AS_STAFF);
    expect(stats.body.rows.find((r) => r.body === 'gaj')?.overdueOpen).toBeGreaterThanOrEqual(1);
    const xlsx = await fetch(api('/transfers.xlsx?body=gaj'), { headers: authenticate(AS_STAFF) });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const cells = sheet.getSheetValues().flat().map(String).join('|');
    expect(cells).toContain('涉嫌犯罪案件移送');
    expect(cells).toContain('涉嫌生产销售伪劣产品案');
    const statsXlsx = await fetch(api(`/statistics.xlsx?year=${year}`), { headers: authenticate(AS_STAFF) });
    expect(statsXlsx.status).toBe(200);
  });

  it('runs a meeting: generated agenda, attendance, minutes, resolutions tracked to closure and back on the next agenda', async () => {
    await eventually(async () => mine((await list('')).items).length >= 3);
    const when = new Date(Date.now() + 2 * DAY).toISOString();
    expect(
      (await http('POST', api('/meetings'), { title: '例会', kind: 'regular', scheduledAt: when }, AS_STAFF))
        .status,
    ).toBe(403);
    const first = await http<{
      id: string;
      agenda: { source: string; transferSourceRef: string | null; title: string }[];
    }>(
      'POST',
      api('/meetings'),
      { title: '2026年第四季度联席会议', kind: 'regular', scheduledAt: when, location: '县司法局三楼会议室' },
      SECRETARY,
    );
    expect(first.status).toBe(201);
    const refs = first.body.agenda.map((a) => a.transferSourceRef);
    // The overdue case transfer and the clue referral due within two weeks are on it; the closed one is not.
    expect(refs).toContain(`${run}-case`);
    expect(refs).toContain(`${run}-clue`);
    expect(refs).not.toContain(`${run}-complaint`);
    expect(first.body.agenda.find((a) => a.transferSourceRef === `${run}-case`)?.title).toMatch(
      /^【逾期】涉嫌犯罪案件移送/,
    );

    // The secretary keeps two items and adds one of her own.
    const id = first.body.id;
    const kept = first.body.agenda.filter((a) => a.transferSourceRef?.startsWith(run));
    const edited = await http<{ agenda: { title: string }[] }>(
      'PUT',
      api(`/meetings/${id}/agenda`),
      {
        items: [
          ...kept.map((a) => ({
            source: 'transfer',
            title: a.title,
            transferKind: a.transferSourceRef?.endsWith('case') ? 'criminal-case-transfer' : 'clue-referral',
            transferSourceRef: a.transferSourceRef,
          })),
          { source: 'custom', title: '通报第三季度移送统计' },
        ],
      },
      SECRETARY,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.agenda.map((a) => a.title)).toContain('通报第三季度移送统计');
    const noAttendance = await http('PUT', api(`/meetings/${id}/minutes`), { minutes: '……' }, SECRETARY);
    expect(noAttendance.status).toBe(422);
    await http(
      'PUT',
      api(`/meetings/${id}/attendance`),
      {
        attendees: [
          { org: 'sfj', name: '陈秘书' },
          { org: 'jcy', name: '王检察官' },
          { org: 'gaj', name: '刘警官' },
        ],
      },
      SECRETARY,
    );
    const held = await http<{ status: string }>(
      'PUT',
      api(`/meetings/${id}/minutes`),
      { minutes: '会议听取了涉嫌犯罪案件移送情况汇报。\n公安机关应于一周内作出立案决定。' },
      SECRETARY,
    );
    expect(held.body.status).toBe('held');
    expect((await http('PUT', api(`/meetings/${id}/agenda`), { items: [] }, SECRETARY)).status).toBe(409);
    const dueDate = new Date(Date.now() + 8 * DAY + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const resolution = await http<{ id: string; status: string }>(
      'POST',
      api(`/meetings/${id}/resolutions`),
      {
        title: '县公安局一周内对伪劣产品案作出立案决定',
        ownerOrg: 'gaj',
        dueDate,
        transferKind: 'criminal-case-transfer',
        transferSourceRef: `${run}-case`,
      },
      SECRETARY,
    );
    expect(resolution.status).toBe(201);

    // The resolution is a transfer like any other: in the register, to its owner.
    await eventually(async () =>
      (await list('kind=meeting-resolution', asAgency('gaj'))).items.some(
        (t) => t.sourceRef === resolution.body.id,
      ),
    );

    // The documents: agenda and minutes as PDF, in Chinese.
    const agendaPdf = await fetch(api(`/meetings/${id}/agenda.pdf`), { headers: authenticate(AS_STAFF) });
    expect(await pdfText(Buffer.from(await agendaPdf.arrayBuffer()))).toContain('通报第三季度移送统计');
    const minutesPdf = await fetch(api(`/meetings/${id}/minutes.pdf`), { headers: authenticate(AS_STAFF) });
    const minutesText = await pdfText(Buffer.from(await minutesPdf.arrayBuffer()));
    expect(minutesText).toContain('公安机关应于一周内作出立案决定');
    expect(minutesText).toContain('县公安局一周内对伪劣产品案作出立案决定');

    // Still open: it comes back on the next agenda. Closed by its owner: it does not.
    const second = await http<{ agenda: { resolutionId: string | null }[] }>(
      'POST',
      api('/meetings'),
      { title: '临时联席会议', kind: 'ad-hoc', scheduledAt: when },
      SECRETARY,
    );
    expect(second.body.agenda.map((a) => a.resolutionId)).toContain(resolution.body.id);
    expect(
      (
        await http(
          'POST',
          api(`/resolutions/${resolution.body.id}/close`),
          { outcome: '已立案' },
          asAgency('scjg'),
        )
      ).status,
    ).toBe(403);
    const closed = await http<{ status: string }>(
      'POST',
      api(`/resolutions/${resolution.body.id}/close`),
      { outcome: '已于期限内立案' },
      asAgency('gaj'),
    );
    expect(closed.body.status).toBe('closed');
    expect(
      (await http('POST', api(`/resolutions/${resolution.body.id}/close`), { outcome: 'x' }, asAgency('gaj')))
        .status,
    ).toBe(409);
    const third = await http<{ agenda: { resolutionId: string | null }[] }>(
      'POST',
      api('/meetings'),
      { title: '2027年第一季度联席会议', kind: 'regular', scheduledAt: when },
      SECRETARY,
    );
    expect(third.body.agenda.map((a) => a.resolutionId)).not.toContain(resolution.body.id);
    await eventually(async () => {
      const t = (await list('kind=meeting-resolution', asAgency('gaj'))).items.find(
        (i) => i.sourceRef === resolution.body.id,
      );
      return t?.closedAt !== null && t?.closedAt !== undefined;
    });
  });

  it('counts a transfer its owner flagged overdue before its due date as overdue, first in the register', async () => {
    const now = Date.now();
    const flagged = envelope(
      {
        kind: 'supervision-notice',
        sourceRef: `${run}-flagged`,
        sender: 'sfj',
        receiver: 'cgj',
        subject: '逾期未整改督办',
        dueAt: new Date(now + 20 * DAY).toISOString(),
        status: 'sent',
        overdue: true,
      },
      new Date(now - DAY),
    );
    await publish(flagged);
    const item = await eventually(async () =>
      mine((await list('body=cgj&open=true')).items).find((t) => t.sourceRef === `${run}-flagged`),
    );
    expect(item.overdue).toBe(true);
    // Overdue first: before every open transfer of the body that is not overdue, whatever their due dates.
    const cgj = (await list('body=cgj&open=true')).items;
    const at = cgj.findIndex((t) => t.sourceRef === `${run}-flagged`);
    expect(cgj.slice(0, at).every((t) => t.overdue)).toBe(true);
    const overdueOnly = await list('overdue=true&body=cgj');
    expect(overdueOnly.items.some((t) => t.sourceRef === `${run}-flagged`)).toBe(true);
    expect(overdueOnly.total).toBe(overdueOnly.items.length);
    expect((await list('overdue=false&body=cgj')).items.some((t) => t.sourceRef === `${run}-flagged`)).toBe(
      false,
    );
  });
});
