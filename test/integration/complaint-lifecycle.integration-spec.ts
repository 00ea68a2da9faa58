import { TOPIC } from '@oversight/contracts';
import {
  AS_HEAD,
  AS_STAFF,
  asAgency,
  complaintFixture,
  DAY_MS,
  EngineClock,
  eventually,
  http,
  pdfText,
  authenticate,
  AS_REVIEWER,
} from '@oversight/testing';
import { startSystem, System } from './system';

/**
 * The whole complaint loop (domain.md §2.1) through the gateway, on the real engine, Kafka and
 * PostgreSQL: intake, acceptance, assignment, objection, handling, review, reply, extension, 督办
 * escalation, follow-up, appeals, closure, publication and the complainant's confidentiality.
 */

interface Receipt {
  id: string;
  trackingCode: string;
}

interface StaffView {
  status: string;
  agencyOrg: string | null;
  handlingDueAt: string | null;
  overdue: boolean;
  notices: { stage: string; level: string; toOrg: string; dueAt: string }[];
  history: { kind: string; public: boolean; message: { zh: string } }[];
  extensions: { status: string; newDueAt: string | null }[];
  outcome: string | null;
  satisfaction: string | null;
  appealWindowEndsAt: string | null;
  objectionDueAt: string | null;
}

const NAME = '李秀英';
const PHONE = '13912345678';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const PDF = Buffer.from('%PDF-1.4\n%test evidence\n', 'latin1');

describe('complaint handling, from public intake to reply, follow-up, appeals and publication', () => {
  let system: System;
  const clock = new EngineClock(process.env.ENGINE_URL!);

  beforeAll(async () => {
    system = await startSystem();
  });

  afterEach(async () => {
    await clock.reset();
  });

  afterAll(async () => {
    await system?.stop();
  });

  const api = (path: string) => `${system.api}${path}`;
  const advancePast = (iso: string | null) => clock.advancePast(iso!);

  async function file(overrides: Record<string, unknown> = {}): Promise<Receipt> {
    const { status, body } = await http<Receipt>(
      'POST',
      api('/public/complaints'),
      complaintFixture({ complainant: { name: NAME, phone: PHONE }, ...overrides }),
    );
    expect(status).toBe(201);
    return body;
  }

  async function waitForStep(id: string, taskKey: string): Promise<void> {
    await eventually(
      async () =>
        (await system.engine.listTasks({ processInstanceBusinessKey: id, taskDefinitionKey: taskKey }))
          .length === 1,
      { what: `step ${taskKey} of ${id}`, timeoutMs: 45000 },
    );
  }

  async function act(path: string, body: unknown, headers: Record<string, string>, expected = 202) {
    const res = await http<{ message?: { zh: string; en: string } }>('POST', api(path), body, headers);
    if (res.status !== expected) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const staffView = async (id: string) =>
    (await http<StaffView>('GET', api(`/complaints/${id}`), undefined, AS_STAFF)).body;

  async function until(id: string, what: string, test: (v: StaffView) => boolean): Promise<StaffView> {
    return eventually(
      async () => {
        const v = await staffView(id);
        return test(v) && v;
      },
      { what: `${what} (${id})`, timeoutMs: 45000 },
    );
  }

  /** Intake → acceptance → assignment to `agency`: the complaint waits at the agency's desk. */
  async function assigned(agency = 'scjg', overrides: Record<string, unknown> = {}): Promise<Receipt> {
    const r = await file(overrides);
    await waitForStep(r.id, 'acceptance-review');
    await act(`/complaints/${r.id}/acceptance`, { decision: 'accept' }, AS_STAFF);
    await waitForStep(r.id, 'assign-agency');
    await act(`/complaints/${r.id}/assignment`, { agencyOrg: agency, note: '请核实后答复' }, AS_STAFF);
    await waitForStep(r.id, 'agency-handling');
    await until(r.id, 'assigned', (v) => v.status === 'assigned');
    return r;
  }

  /** From the agency's desk to the reply to the complainant. */
  async function replied(r: Receipt, agency = 'scjg'): Promise<void> {
    await act(
      `/agency/complaints/${r.id}/draft-reply`,
      { findings: '经查，执法人员未出示证件属实。', draftReply: '已责令整改并致歉。', substantiated: true },
      asAgency(agency),
    );
    await waitForStep(r.id, 'review-draft');
    await act(`/complaints/${r.id}/review`, { decision: 'approve' }, AS_REVIEWER);
    await waitForStep(r.id, 'reply-complainant');
    await act(`/complaints/${r.id}/reply`, { reply: '经调查，您反映的问题属实，已责令整改。' }, AS_STAFF);
    await until(r.id, 'replied', (v) => v.status === 'replied');
  }

  it('takes a complaint with attachments from the public form to reply, rating, follow-up and closure', async () => {
    const form = new FormData();
    const fields = complaintFixture({ anonymous: 'false', matter: '食品经营现场检查' });
    for (const [k, v] of Object.entries(fields)) if (typeof v === 'string') form.set(k, v);
    form.set('complainant[name]', NAME);
    form.set('complainant[phone]', PHONE);
    form.append('attachments', new Blob([PNG], { type: 'image/png' }), '现场照片.png');
    const filed = await fetch(api('/public/complaints'), { method: 'POST', body: form });
    expect(filed.status).toBe(201);
    const r = (await filed.json()) as Receipt & { attachments: { filename: string }[] };
    expect(r.trackingCode).toMatch(/^TS\d{8}-[A-Z2-9]{6}$/);
    expect(r.attachments.map((a) => a.filename)).toEqual(['现场照片.png']);

    await waitForStep(r.id, 'acceptance-review');
    await act(`/complaints/${r.id}/acceptance`, { decision: 'accept' }, AS_STAFF);
    await waitForStep(r.id, 'assign-agency');
    await act(`/complaints/${r.id}/assignment`, { agencyOrg: 'scjg' }, AS_STAFF);
    await waitForStep(r.id, 'agency-handling');

    // The agency sees it in its list, with the content but never who complained.
    const mine = await http<{ items: { id: string }[] }>(
      'GET',
      api('/agency/complaints'),
      undefined,
      asAgency('scjg'),
    );
    expect(mine.body.items.map((c) => c.id)).toContain(r.id);
    const agencyView = await http('GET', api(`/agency/complaints/${r.id}`), undefined, asAgency('scjg'));
    expect(agencyView.status).toBe(200);
    expect(JSON.stringify(agencyView.body)).not.toMatch(new RegExp(`${NAME}|${PHONE}`));
    // Another agency does not even learn that it exists.
    expect((await http('GET', api(`/agency/complaints/${r.id}`), undefined, asAgency('xgz'))).status).toBe(
      404,
    );

    // Evidence, a draft returned once for more work, then approved with misconduct found.
    const evidence = new FormData();
    evidence.append('attachments', new Blob([PDF], { type: 'application/pdf' }), '询问笔录.pdf');
    const uploaded = await fetch(api(`/agency/complaints/${r.id}/evidence`), {
      method: 'POST',
      body: evidence,
      headers: authenticate(asAgency('scjg')),
    });
    expect(uploaded.status).toBe(201);
    const [pdf] = (await uploaded.json()) as { id: string }[];
    const draft = {
      findings: '经查，执法人员张某检查时未出示执法证件，当场收取罚款未开具决定书，情况属实。',
      draftReply: '您反映的问题属实，我局已责令当事执法人员退还款项并作出检查。',
      substantiated: true,
      officers: [{ name: '张某', position: '执法队员' }],
      evidenceIds: [pdf.id],
    };
    await act(`/agency/complaints/${r.id}/draft-reply`, draft, asAgency('scjg'));
    await waitForStep(r.id, 'review-draft');
    await act(`/complaints/${r.id}/review`, { decision: 'return', comment: '请补充退款凭证。' }, AS_REVIEWER);
    await waitForStep(r.id, 'agency-handling');
    const returned = await http<{ reviewComment: string }>(
      'GET',
      api(`/agency/complaints/${r.id}`),
      undefined,
      asAgency('scjg'),
    );
    expect(returned.body.reviewComment).toBe('请补充退款凭证。');
    await act(`/agency/complaints/${r.id}/draft-reply`, draft, asAgency('scjg'));
    await waitForStep(r.id, 'review-draft');
    await act(
      `/complaints/${r.id}/review`,
      { decision: 'approve', misconduct: { facts: '执法人员张某违规收取现金罚款。' } },
      AS_REVIEWER,
    );
    await waitForStep(r.id, 'reply-complainant');
    await act(
      `/complaints/${r.id}/reply`,
      { reply: '您反映的问题属实，已责令退还罚款并对当事人作出处理。' },
      AS_STAFF,
    );
    await waitForStep(r.id, 'follow-up-visit');

    // The misconduct found starts a clue referral toward the discipline commission.
    const misconduct = (await system.jbDb.query(
      `SELECT envelope FROM justice_bureau.outbox_message WHERE message_key = $1 AND topic = $2`,
      [r.id, TOPIC.complaintMisconductFound],
    )) as { envelope: { data: { officers: { name: string }[]; facts: string } } }[];
    expect(misconduct).toHaveLength(1);
    expect(misconduct[0].envelope.data.officers).toEqual([{ name: '张某', position: '执法队员' }]);

    // The complainant reads the reply with the tracking code, and rates it once.
    const lookup = await http<{ status: string; reply: string; history: { message: { zh: string } }[] }>(
      'GET',
      api(`/public/complaints/${r.trackingCode}`),
    );
    expect(lookup.body.status).toBe('replied');
    expect(lookup.body.reply).toContain('已责令退还罚款');
    expect(lookup.body.history.map((h) => h.message.zh).join('\n')).toMatch(
      /已受理[\s\S]*交由[\s\S]*答复意见/,
    );
    expect(JSON.stringify(lookup.body)).not.toMatch(/请补充退款凭证|张某|询问笔录/);
    await act(`/public/complaints/${r.trackingCode}/rating`, { satisfaction: 'satisfied' }, {}, 200);
    const again = await http<{ message: { zh: string } }>(
      'POST',
      api(`/public/complaints/${r.trackingCode}/rating`),
      { satisfaction: 'dissatisfied' },
    );
    expect(again.status).toBe(409);

    await act(`/complaints/${r.id}/follow-up`, { result: '电话回访，投诉人表示满意。' }, AS_STAFF);
    // The complaint closes when the 复查 window has passed with no request (Art. 35: 30 days).
    await advancePast((await staffView(r.id)).appealWindowEndsAt);
    const closed = await until(r.id, 'closed', (v) => v.status === 'closed');
    expect(closed.outcome).toBe('substantiated');
    expect(closed.satisfaction).toBe('satisfied');

    // Liaison tracked the assignment from the bureau to the agency and saw it discharged.
    const transfer = await eventually(async () => {
      const t = (
        await http<{ items: { sourceRef: string; receiver: string; closedAt: string | null }[] }>(
          'GET',
          api('/liaison/transfers?kind=complaint-assignment&limit=500'),
          undefined,
          AS_STAFF,
        )
      ).body.items.find((i) => i.sourceRef === r.id);
      return t && t.closedAt !== null ? t : undefined;
    });
    expect(transfer.receiver).toBe('scjg');

    // And it feeds the negative list: the matter and the officer, substantiated.
    const negative = await http<{
      matters: { matter: string; substantiated: number }[];
      officers: { name: string }[];
    }>('GET', api('/negative-list?minComplaints=1'), undefined, AS_STAFF);
    expect(negative.body.matters.find((m) => m.matter === '食品经营现场检查')?.substantiated).toBeGreaterThan(
      0,
    );
    expect(negative.body.officers.map((o) => o.name)).toContain('张某');
  });

  it('tells the complainant why a complaint was not accepted or where it was forwarded', async () => {
    const rejected = await file();
    const forwarded = await file();
    await waitForStep(rejected.id, 'acceptance-review');
    await waitForStep(forwarded.id, 'acceptance-review');
    await act(
      `/complaints/${rejected.id}/acceptance`,
      { decision: 'reject', reason: '不属于行政执法投诉范围' },
      AS_STAFF,
    );
    await act(
      `/complaints/${forwarded.id}/acceptance`,
      { decision: 'forward', reason: '涉及司法活动', forwardTo: '县人民法院' },
      AS_STAFF,
    );
    const told = async (code: string, text: string) =>
      eventually(async () => {
        const { body } = await http<{ history: { message: { zh: string } }[] }>(
          'GET',
          api(`/public/complaints/${code}`),
        );
        return body.history.some((h) => h.message.zh.includes(text));
      });
    await told(rejected.trackingCode, '不予受理。理由：不属于行政执法投诉范围');
    await told(forwarded.trackingCode, '转送县人民法院');
    const forwardWithoutOrgan = await http<{ fields: { field: string }[] }>(
      'POST',
      api(`/complaints/${forwarded.id}/acceptance`),
      { decision: 'forward', reason: 'x' },
      AS_STAFF,
    );
    expect(forwardWithoutOrgan.status).toBe(400);
    expect(forwardWithoutOrgan.body.fields.map((f) => f.field)).toContain('forwardTo');
  });

  it('refuses illegal steps and bad input with clear 4xx answers, and loses nothing', async () => {
    const r = await assigned();
    const replyTooEarly = await http<{ message: { zh: string; en: string } }>(
      'POST',
      api(`/complaints/${r.id}/reply`),
      { reply: '答复' },
      AS_STAFF,
    );
    expect(replyTooEarly.status).toBe(409);
    expect(replyTooEarly.body.message.zh).toContain('答复投诉人');
    expect(replyTooEarly.body.message.en).toMatch(/not at the reply step/);
    expect(
      (await http('POST', api(`/complaints/${r.id}/review`), { decision: 'approve' }, AS_REVIEWER)).status,
    ).toBe(409);
    // Only the justice bureau decides; only the assigned agency drafts.
    expect(
      (await http('POST', api(`/complaints/${r.id}/acceptance`), { decision: 'accept' }, asAgency('scjg')))
        .status,
    ).toBe(403);
    expect((await http('GET', api(`/complaints/${r.id}`))).status).toBe(401);
    const wrongAgency = await http(
      'POST',
      api(`/agency/complaints/${r.id}/draft-reply`),
      { findings: 'x', draftReply: 'y', substantiated: false },
      asAgency('xgz'),
    );
    expect(wrongAgency.status).toBe(404);
    const incomplete = await http<{ fields: { field: string; zh: string }[] }>(
      'POST',
      api(`/agency/complaints/${r.id}/draft-reply`),
      { findings: '' },
      asAgency('scjg'),
    );
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['findings', 'draftReply']),
    );
    // The agency's step is still open after all this.
    await waitForStep(r.id, 'agency-handling');

    const before = Number(
      (await system.jbDb.query(`SELECT count(*) AS n FROM justice_bureau.complaint`))[0].n,
    );
    const unknownAgency = await http(
      'POST',
      api('/public/complaints'),
      complaintFixture({ respondentOrg: 'nope' }),
    );
    expect(unknownAgency.status).toBe(422);
    const big = new FormData();
    for (const [k, v] of Object.entries(complaintFixture({ anonymous: 'true', complainant: undefined })))
      if (typeof v === 'string') big.set(k, v);
    big.append(
      'attachments',
      new Blob([Buffer.alloc(11 * 1024 * 1024, 0x25)], { type: 'application/pdf' }),
      'big.pdf',
    );
    const tooBig = await fetch(api('/public/complaints'), { method: 'POST', body: big });
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { message: { zh: string } }).message.zh).toMatch(/大小限制|超过10MB/);
    const fake = new FormData();
    for (const [k, v] of Object.entries(complaintFixture({ anonymous: 'true', complainant: undefined })))
      if (typeof v === 'string') fake.set(k, v);
    fake.append('attachments', new Blob([Buffer.from('MZ not a pdf')], { type: 'application/pdf' }), 'x.pdf');
    const wrongType = await fetch(api('/public/complaints'), { method: 'POST', body: fake });
    expect(wrongType.status).toBe(422);
    expect(((await wrongType.json()) as { message: { zh: string } }).message.zh).toContain('格式不受支持');
    const after = Number(
      (await system.jbDb.query(`SELECT count(*) AS n FROM justice_bureau.complaint`))[0].n,
    );
    expect(after).toBe(before);
  });

  it('lets the agency object within the window and go back to assignment; after the window closes it may not', async () => {
    const r = await assigned('scjg');
    await act(
      `/agency/complaints/${r.id}/objection`,
      { reason: '该事项属于城管执法局职责' },
      asAgency('scjg'),
    );
    await waitForStep(r.id, 'assign-agency');
    await act(`/complaints/${r.id}/assignment`, { agencyOrg: 'cgj' }, AS_STAFF);
    await waitForStep(r.id, 'agency-handling');
    await until(r.id, 're-assigned', (v) => v.agencyOrg === 'cgj');
    expect((await http('GET', api(`/agency/complaints/${r.id}`), undefined, asAgency('scjg'))).status).toBe(
      404,
    );
    expect((await http('GET', api(`/agency/complaints/${r.id}`), undefined, asAgency('cgj'))).status).toBe(
      200,
    );

    // Five working days later, the window's timer closes it.
    await advancePast((await staffView(r.id)).objectionDueAt);
    await eventually(
      async () =>
        (
          await system.jbDb.query(`SELECT objection_closed FROM justice_bureau.complaint WHERE id = $1`, [
            r.id,
          ])
        )[0].objection_closed === true,
      { what: 'the objection window to close', timeoutMs: 45000 },
    );
    const late = await http<{ message: { zh: string } }>(
      'POST',
      api(`/agency/complaints/${r.id}/objection`),
      { reason: '仍有异议' },
      asAgency('cgj'),
    );
    expect(late.status).toBe(422);
    expect(late.body.message.zh).toContain('异议期限');
  });

  it('escalates an open complaint: reminder before the limit, 督办 when it passes, 通报 a week later', async () => {
    const r = await assigned('xgz');
    const due = new Date((await staffView(r.id)).handlingDueAt!).getTime();
    await advancePast(new Date(due - 5 * DAY_MS).toISOString());
    await until(r.id, 'reminder', (v) => v.notices.some((n) => n.level === 'reminder'));
    expect((await staffView(r.id)).notices.some((n) => n.level === 'overdue')).toBe(false);
    await advancePast(new Date(due).toISOString());
    const overdue = await until(r.id, '督办', (v) => v.notices.some((n) => n.level === 'overdue'));
    expect(overdue.notices.find((n) => n.level === 'overdue')).toMatchObject({
      stage: 'handling',
      toOrg: 'xgz',
    });
    expect(overdue.overdue).toBe(true);
    // Overdue everywhere: the agency's list, the public lookup and the liaison register.
    const agencyList = await http<{ items: { id: string; overdue: boolean }[] }>(
      'GET',
      api('/agency/complaints'),
      undefined,
      asAgency('xgz'),
    );
    expect(agencyList.body.items.find((c) => c.id === r.id)?.overdue).toBe(true);
    const lookup = await http<{ overdue: boolean }>('GET', api(`/public/complaints/${r.trackingCode}`));
    expect(lookup.body.overdue).toBe(true);
    await eventually(async () => {
      const { body } = await http<{ items: { sourceRef: string; overdue: boolean }[] }>(
        'GET',
        api('/liaison/transfers?kind=complaint-assignment&limit=500'),
        undefined,
        AS_STAFF,
      );
      return body.items.find((t) => t.sourceRef === r.id)?.overdue === true;
    });
    // 通报 7 days after the limit, later if that day is a rest day.
    await advancePast(new Date(due + 10 * DAY_MS).toISOString());
    await until(r.id, '通报', (v) => v.notices.some((n) => n.level === 'circular'));
    // The agency is still expected to handle it: the step is open.
    await waitForStep(r.id, 'agency-handling');
  });

  it('extends the limit with the head’s approval, tells the complainant, and moves every timer', async () => {
    const r = await assigned('scjg');
    const before = await staffView(r.id);
    const tooLong = await http(
      'POST',
      api(`/agency/complaints/${r.id}/extension-requests`),
      { length: 31, reason: '复杂' },
      asAgency('scjg'),
    );
    expect(tooLong.status).toBe(400);
    const requested = await act(
      `/agency/complaints/${r.id}/extension-requests`,
      { length: 20, reason: '需委托检验，情况复杂' },
      asAgency('scjg'),
    );
    const second = await http(
      'POST',
      api(`/complaints/${r.id}/extension-requests`),
      { length: 5, reason: '再延' },
      AS_STAFF,
    );
    expect(second.status).toBe(409);
    await waitForStep(r.id, 'approve-extension');
    const { id: requestId } = requested as unknown as { id: string };
    const clerk = await http(
      'POST',
      api(`/complaints/${r.id}/extension-requests/${requestId}/decision`),
      { approved: true },
      AS_STAFF,
    );
    expect(clerk.status).toBe(403);
    await act(
      `/complaints/${r.id}/extension-requests/${requestId}/decision`,
      { approved: true, comment: '同意' },
      AS_HEAD,
    );
    // The approval is recorded at once; the new limit follows when the engine's extension step has run.
    const extended = await until(
      r.id,
      'extension',
      (v) => v.extensions[0]?.status === 'approved' && v.handlingDueAt !== before.handlingDueAt,
    );
    const shift = new Date(extended.handlingDueAt!).getTime() - new Date(before.handlingDueAt!).getTime();
    // 20 days later, or the next working day if that day is a rest day.
    expect(shift).toBeGreaterThanOrEqual(20 * DAY_MS);
    expect(shift).toBeLessThan(24 * DAY_MS);
    const lookup = await http<{ history: { message: { zh: string } }[] }>(
      'GET',
      api(`/public/complaints/${r.trackingCode}`),
    );
    expect(lookup.body.history.map((h) => h.message.zh).join()).toContain('经负责人批准，办理期限延长20日');

    // Past the old limit but before the new one: no 督办. Past the new one: 督办 on the new date.
    // The objection window's timer firing shows the engine has processed the jump in time.
    await advancePast(before.handlingDueAt);
    await eventually(
      async () =>
        (
          await system.jbDb.query(`SELECT objection_closed FROM justice_bureau.complaint WHERE id = $1`, [
            r.id,
          ])
        )[0].objection_closed === true,
      { what: 'timers due by the old limit to have fired', timeoutMs: 45000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await staffView(r.id)).notices.filter((n) => n.level !== 'reminder')).toHaveLength(0);
    await advancePast(extended.handlingDueAt);
    const overdue = await until(r.id, '督办 on the new date', (v) =>
      v.notices.some((n) => n.level === 'overdue'),
    );
    expect(overdue.notices.find((n) => n.level === 'overdue')?.dueAt).toBe(extended.handlingDueAt);
  });

  it('handles 复查 then 复核 requested by the complainant, each decided by the head', async () => {
    const r = await assigned('scjg');
    await replied(r);
    const review = await act(
      `/public/complaints/${r.trackingCode}/appeals`,
      { reason: '对处理结果不服' },
      {},
    );
    expect(review).toMatchObject({ stage: 'review' });
    const pending = await http('POST', api(`/public/complaints/${r.trackingCode}/appeals`), {
      reason: '再次申请',
    });
    expect(pending.status).toBe(409);
    await waitForStep(r.id, 'appeal-review');
    await act(
      `/complaints/${r.id}/appeals/review/decision`,
      { decision: 'uphold', opinion: '维持原答复意见。' },
      AS_HEAD,
    );
    await eventually(async () => {
      const { body } = await http<{ appeals: { stage: string; decision: string | null }[] }>(
        'GET',
        api(`/public/complaints/${r.trackingCode}`),
      );
      return body.appeals.some((a) => a.stage === 'review' && a.decision === 'uphold');
    });
    // The 复查 opinion is visible as soon as it is recorded; the 复核 window opens when the engine has
    // taken the step's completion a moment later, and until then the request is a 409.
    const recheck = await eventually(async () => {
      const res = await http<{ stage: string }>('POST', api(`/public/complaints/${r.trackingCode}/appeals`), {
        reason: '仍然不服',
      });
      return res.status === 202 && res.body;
    });
    expect(recheck).toMatchObject({ stage: 'recheck' });
    await waitForStep(r.id, 'appeal-recheck');
    await act(
      `/complaints/${r.id}/appeals/recheck/decision`,
      { decision: 'revise', opinion: '变更为部分属实。' },
      AS_HEAD,
    );
    await act(`/complaints/${r.id}/follow-up`, { result: '已回访。' }, AS_STAFF);
    const closed = await until(r.id, 'closed after the appeals', (v) => v.status === 'closed');
    expect(closed.outcome).toBe('revised-on-appeal');
  });

  it('refuses a 复查 after its 30-day window, and raises 督办 when the review itself is late', async () => {
    const late = await assigned('scjg');
    await replied(late);
    const slow = await assigned('scjg');
    await replied(slow);
    const appeal = (await act(
      `/public/complaints/${slow.trackingCode}/appeals`,
      { reason: '不服' },
      {},
    )) as unknown as {
      dueAt: string;
    };
    await waitForStep(slow.id, 'appeal-review');
    const windowEnds = (await staffView(late.id)).appealWindowEndsAt!;
    await advancePast(windowEnds > appeal.dueAt ? windowEnds : appeal.dueAt);
    await eventually(async () => {
      const res = await http('POST', api(`/public/complaints/${late.trackingCode}/appeals`), {
        reason: '迟到的申请',
      });
      return res.status === 409;
    });
    await until(slow.id, 'review overdue', (v) =>
      v.notices.some((n) => n.stage === 'appeal-review' && n.level === 'overdue'),
    );
  });

  it('keeps the identity apart: never to the agency or the public, read only with a purpose, every read logged', async () => {
    const r = await assigned('scjg');
    const outputs = [
      await http('GET', api(`/agency/complaints/${r.id}`), undefined, asAgency('scjg')),
      await http('GET', api('/agency/complaints'), undefined, asAgency('scjg')),
      await http('GET', api(`/public/complaints/${r.trackingCode}`)),
      await http('GET', api(`/complaints/${r.id}`), undefined, AS_STAFF),
      await http('GET', api('/complaints?limit=200'), undefined, AS_STAFF),
      await http('GET', `${system.gateway.url}/open311/v2/requests/${r.trackingCode}.json`),
      await http('GET', api('/public/complaint-statistics')),
      await http('GET', api(`/public/complaint-annual-reports/${new Date().getFullYear()}`)),
    ];
    for (const out of outputs) {
      expect(out.status).toBe(200);
      expect(JSON.stringify(out.body)).not.toMatch(new RegExp(`${NAME}|${PHONE}`));
    }
    const pdf = await fetch(api(`/public/complaint-annual-reports/${new Date().getFullYear()}?format=pdf`));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('投诉举报');
    expect(text).not.toContain(NAME);

    // The agency complained about may not read it; staff must say why; each read is logged.
    expect(
      (await http('POST', api(`/complaints/${r.id}/complainant`), { purpose: '核实' }, asAgency('scjg')))
        .status,
    ).toBe(403);
    expect((await http('POST', api(`/complaints/${r.id}/complainant`), {}, AS_STAFF)).status).toBe(400);
    const read = await http<{ name: string; phone: string }>(
      'POST',
      api(`/complaints/${r.id}/complainant`),
      { purpose: '电话回访' },
      AS_STAFF,
    );
    expect(read.body).toMatchObject({ name: NAME, phone: PHONE });
    const log = await http<{ user: string; purpose: string }[]>(
      'GET',
      api(`/complaints/${r.id}/complainant-access-log`),
      undefined,
      AS_STAFF,
    );
    expect(log.body).toEqual([expect.objectContaining({ user: 'clerk-wang', purpose: '电话回访' })]);
  });

  it('serves Open311 clients: services, a form-encoded request, and its status by id', async () => {
    const services = await http<{ service_code: string }[]>(
      'GET',
      `${system.gateway.url}/open311/v2/services.json`,
    );
    expect(services.body.map((s) => s.service_code)).toContain('arbitrary-penalty');
    const form = new URLSearchParams({
      service_code: 'inaction',
      description: '城管执法人员对占道经营长期不管。',
      'attribute[respondent_org]': 'cgj',
      'attribute[summary]': '占道经营无人管理',
    });
    const created = await fetch(`${system.gateway.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(created.status).toBe(201);
    const [{ service_request_id: id }] = (await created.json()) as { service_request_id: string }[];
    expect(id).toMatch(/^TS/);
    const [request] = (
      await http<
        { status: string; service_code: string; extended_attributes: { oversight_status: string } }[]
      >('GET', `${system.gateway.url}/open311/v2/requests/${id}.json`)
    ).body;
    expect(request).toMatchObject({ status: 'open', service_code: 'inaction' });
    const bad = await fetch(`${system.gateway.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ service_code: 'nope' }).toString(),
    });
    expect(bad.status).toBe(400);
  });

  it('publishes statistics by period, agency and category, and the annual report as Excel', async () => {
    const stats = await http<{
      total: number;
      byAgency: { org: string }[];
      byCategory: { category: string }[];
    }>('GET', api('/public/complaint-statistics?agency=scjg'));
    expect(stats.body.total).toBeGreaterThan(0);
    expect(stats.body.byAgency.map((a) => a.org)).toEqual(['scjg']);
    const empty = await http<{ total: number }>(
      'GET',
      api('/public/complaint-statistics?from=2001-01-01&to=2001-12-31'),
    );
    expect(empty.body.total).toBe(0);
    expect((await http('GET', api('/public/complaint-statistics?from=yesterday'))).status).toBe(400);
    const xlsx = await fetch(api(`/public/complaint-annual-reports/${new Date().getFullYear()}?format=xlsx`));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('filename*=');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });
});
