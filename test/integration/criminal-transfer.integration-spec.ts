import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, RecordMetadata } from 'kafkajs';
import { EventEnvelope, PROCESS, TOPIC, USER_TASK } from '@oversight/contracts';
import { EngineClock, eventually, http, authenticate } from '@oversight/testing';
import { JobHandler, LockedJob } from '@oversight/workflow';
import { SendCriminalTransferWorker } from '../../apps/procuratorate/src/criminal-transfer/workers/send-criminal-transfer.worker';
import { CriminalTransferSystem, startCriminalTransferSystem } from './criminal-transfer-system';

const AGENCY = {
  'x-oversight-org': 'scjg',
  'x-oversight-user': 'scjg-officer-zhang',
  'x-oversight-roles': 'clerk',
};
const AGENCY_HEAD = { ...AGENCY, 'x-oversight-user': 'scjg-head-liu', 'x-oversight-roles': 'head' };
const POLICE = {
  'x-oversight-org': 'gaj',
  'x-oversight-user': 'gaj-officer-zhao',
  'x-oversight-roles': 'clerk',
};
const FOREST_POLICE = {
  'x-oversight-org': 'gaj-slga',
  'x-oversight-user': 'slga-officer-sun',
  'x-oversight-roles': 'clerk',
};
const JCY = {
  'x-oversight-org': 'jcy',
  'x-oversight-user': 'jcy-prosecutor-wu',
  'x-oversight-roles': 'clerk',
};
const SFJ = { 'x-oversight-org': 'sfj', 'x-oversight-user': 'sfj-clerk-wang', 'x-oversight-roles': 'clerk' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const REQUIRED = ['transfer-letter', 'investigation-report', 'exhibit-list', 'inspection-report'];

interface Transfer {
  id: string;
  referenceNo: string | null;
  status: string;
  currentStep: string | null;
  policeOrg: string;
  dueAt: string | null;
  escalateAt: string | null;
  dueRule: { ruleId: string; basis: string } | null;
  overdue: boolean;
  outcome: string | null;
  closedAt: string | null;
  copiedTo: string[];
  forwardedFrom: string[];
  missingDocuments: { kind: string }[];
  steps: { step: string; byOrg: string; decision: string | null }[];
  notices: { step: string; level: string; responsibleOrg: string }[];
}
interface Register {
  id: string;
  kind: string;
  sourceRef: string;
  sender: string;
  receiver: string;
  status: string;
  overdue: boolean;
  closedAt: string | null;
}
interface ErrorBody {
  message: { zh: string; en: string };
  fields?: { field: string; zh: string }[];
}

describe('criminal-justice handoff (行政执法与刑事司法衔接)', () => {
  let system: CriminalTransferSystem;
  const clock = new EngineClock(process.env.ENGINE_URL!);

  beforeAll(async () => {
    await clock.reset();
    system = await startCriminalTransferSystem();
  });

  afterAll(async () => {
    await clock.reset().catch(() => undefined);
    await system?.stop();
  });

  const api = (path: string) => `${system.api}${path}`;

  async function act<T = Transfer>(
    path: string,
    body: unknown,
    headers: Record<string, string>,
    expected = 202,
  ) {
    const res = await http<T>('POST', api(path), body, headers);
    if (res.status !== expected) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const transfer = async (id: string) =>
    (await http<Transfer>('GET', api(`/criminal-transfers/${id}`), undefined, JCY)).body;

  async function until<T>(read: () => Promise<T>, test: (v: T) => boolean, what: string): Promise<T> {
    return eventually(
      async () => {
        const v = await read();
        return test(v) && v;
      },
      { what, timeoutMs: 45000 },
    );
  }

  async function waitForTask(id: string, taskKey: string) {
    await eventually(
      async () =>
        (
          await system.engine.listTasks({
            processDefinitionKey: PROCESS.criminalTransfer,
            processInstanceBusinessKey: id,
            taskDefinitionKey: taskKey,
          })
        ).length === 1,
      { what: `${taskKey} of ${id}`, timeoutMs: 45000 },
    );
  }

  async function registerOf(kind: string, sourceRef: string): Promise<Register> {
    const { body } = await http<{ items: Register[] }>(
      'GET',
      api(`/liaison/transfers?kind=${kind}&limit=500`),
      undefined,
      JCY,
    );
    const row = body.items.find((t) => t.sourceRef === sourceRef);
    if (!row) throw new Error(`no ${kind} ${sourceRef} in the register yet`);
    return row;
  }

  async function upload(id: string, kind: string, expected = 201) {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), `${kind}.pdf`);
    const res = await fetch(api(`/criminal-transfers/${id}/documents`), {
      method: 'POST',
      body: form,
      headers: authenticate(AGENCY),
    });
    expect(res.status).toBe(expected);
  }

  const caseNo = () => `阳市监罚〔2026〕${Math.floor(Math.random() * 900000) + 1000}号`;
  const registration = (overrides: Record<string, unknown> = {}) => ({
    caseNo: caseNo(),
    title: '某公司销售伪劣产品案',
    suspectedOffence: '生产、销售伪劣产品罪',
    amountYuan: 186000,
    facts: '经查，当事人2026年1月至9月销售不合格电线电缆，货值金额18.6万元。',
    team: [
      { name: '张某', certificateNo: '42020001' },
      { name: '李某', certificateNo: '42020002' },
    ],
    report: '经专案组核实，涉案货值金额已达立案追诉标准，建议移送公安机关。',
    ...overrides,
  });

  /** Registers a case and waits for its process to offer the head's decision. */
  async function registered(overrides: Record<string, unknown> = {}): Promise<string> {
    const { id } = await act<{ id: string }>('/criminal-transfers', registration(overrides), AGENCY, 201);
    await waitForTask(id, USER_TASK.headDecision);
    return id;
  }

  /** Registered, approved, the full package uploaded and transferred; the police's receipt is awaited. */
  async function transferred(overrides: Record<string, unknown> = {}): Promise<string> {
    const id = await registered(overrides);
    await act(`/criminal-transfers/${id}/head-decision`, { decision: 'approve' }, AGENCY_HEAD);
    for (const kind of REQUIRED) await upload(id, kind);
    await waitForTask(id, USER_TASK.transferToPolice);
    await act(`/criminal-transfers/${id}/transfer`, {}, AGENCY);
    await waitForTask(id, USER_TASK.policeReceipt);
    return id;
  }

  const closed = (id: string) =>
    until(
      () => transfer(id),
      (t) => t.status === 'closed',
      `transfer ${id} closed`,
    );

  it('runs the happy path through the gateway: approval, package, transfer with copies, receipt, 立案, exhibits', async () => {
    // A team of one is not a 专案组 (Art. 5).
    const lone = await http<ErrorBody>(
      'POST',
      api('/criminal-transfers'),
      registration({ team: [{ name: '张某', certificateNo: '42020001' }] }),
      AGENCY,
    );
    expect(lone.status).toBe(400);
    expect(lone.body.fields?.[0].zh).toContain('专案组成员');
    // Only an agency registers.
    expect((await http('POST', api('/criminal-transfers'), registration(), POLICE)).status).toBe(403);

    const id = await registered();
    let t = await transfer(id);
    expect(t).toMatchObject({ status: 'awaiting-head', currentStep: 'head-decision' });
    expect(t.dueRule?.ruleId).toBe('criminal-transfer.head-decision');
    expect(t.dueRule?.basis).toContain('第五条');

    // Out of order: no transfer before the head approved (409, in both languages); only the head decides.
    const early = await http<ErrorBody>('POST', api(`/criminal-transfers/${id}/transfer`), {}, AGENCY);
    expect(early.status).toBe(409);
    expect(early.body.message.zh).toContain('负责人批准');
    expect(early.body.message.en).toContain('head must approve');
    expect(
      (await http('POST', api(`/criminal-transfers/${id}/head-decision`), { decision: 'approve' }, AGENCY))
        .status,
    ).toBe(403);
    await act(`/criminal-transfers/${id}/head-decision`, { decision: 'approve' }, AGENCY_HEAD);
    await waitForTask(id, USER_TASK.transferToPolice);

    // Without the package of Art. 6: 422 naming what is missing.
    await upload(id, 'transfer-letter');
    const incomplete = await http<ErrorBody>('POST', api(`/criminal-transfers/${id}/transfer`), {}, AGENCY);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.message.zh).toContain('调查报告');
    expect(incomplete.body.message.zh).toContain('涉案物品清单');
    expect(incomplete.body.message.zh).toContain('检验报告或者鉴定结论');
    expect(incomplete.body.message.zh).not.toContain('移送书');
    for (const kind of REQUIRED.slice(1)) await upload(id, kind);
    expect((await transfer(id)).missingDocuments).toEqual([]);
    await act(`/criminal-transfers/${id}/transfer`, {}, AGENCY);

    t = await until(
      () => transfer(id),
      (v) => v.status === 'transferred',
      'transferred',
    );
    expect(t.referenceNo).toMatch(/^scjg刑移〔\d{4}〕\d+号$/);
    expect(t.copiedTo).toEqual(['jcy', 'sfj']);
    expect(t.currentStep).toBe('police-receipt');
    expect(t.dueRule?.ruleId).toBe('criminal-transfer.receipt');
    // The package cannot change once it left.
    await upload(id, 'other', 409);

    // The copies: the procuratorate and the justice bureau the same day, on liaison's register too.
    const copy = await until(
      async () =>
        (
          await http<{ items: { caseId: string; documents: unknown[] }[] }>(
            'GET',
            api('/criminal-case-copies'),
            undefined,
            SFJ,
          )
        ).body.items.find((c) => c.caseId === id),
      (c) => c !== undefined,
      'the bureau’s copy',
    );
    expect(copy?.documents).toHaveLength(4);
    await eventually(() => registerOf('criminal-case-copy', id), { what: 'copy to jcy on the register' });
    await eventually(() => registerOf('criminal-case-copy', `${id}:sfj`), { what: 'copy to sfj' });
    const row = await eventually(() => registerOf('criminal-case-transfer', id), { what: 'transfer row' });
    expect(row).toMatchObject({ sender: 'scjg', receiver: 'gaj', status: 'transferred', overdue: false });

    // Only the police sign; the agency cannot sign its own receipt.
    expect(
      (await http('POST', api(`/criminal-transfers/${id}/receipt`), { decision: 'accept' }, AGENCY)).status,
    ).toBe(403);
    await act(`/criminal-transfers/${id}/receipt`, { decision: 'accept' }, POLICE);
    await waitForTask(id, USER_TASK.filingDecision);
    expect((await transfer(id)).dueRule?.ruleId).toBe('criminal-transfer.filing-decision');
    await act(`/criminal-transfers/${id}/filing-decision`, { decision: 'file' }, POLICE);
    await waitForTask(id, USER_TASK.exhibitHandover);
    expect((await transfer(id)).dueRule?.ruleId).toBe('criminal-transfer.exhibits');
    await act(`/criminal-transfers/${id}/exhibits`, { note: '涉案电缆1200米已移交' }, AGENCY);
    t = await closed(id);
    expect(t.outcome).toBe('filed');
    expect(t.steps.map((s) => s.step)).toEqual([
      'head-decision',
      'transferred',
      'receipt',
      'filing-decision',
      'exhibits-handed-over',
      'closed',
    ]);
    await until(
      () => registerOf('criminal-case-transfer', id),
      (r) => r.closedAt !== null,
      'transfer closed on the register',
    );
    // The police see it in their list; another agency does not.
    const mine = await http<{ items: { id: string }[] }>(
      'GET',
      api('/criminal-transfers?limit=500'),
      undefined,
      POLICE,
    );
    expect(mine.body.items.some((i) => i.id === id)).toBe(true);
    const other = await http<{ items: { id: string }[] }>(
      'GET',
      api('/criminal-transfers?limit=500'),
      undefined,
      { 'x-oversight-org': 'hbj', 'x-oversight-user': 'hbj-officer', 'x-oversight-roles': 'clerk' },
    );
    expect(other.body.items.some((i) => i.id === id)).toBe(false);
  });

  it('records a head refusal with reasons, and nothing can be transferred after it', async () => {
    const id = await registered();
    const noReasons = await http(
      'POST',
      api(`/criminal-transfers/${id}/head-decision`),
      { decision: 'refuse' },
      AGENCY_HEAD,
    );
    expect(noReasons.status).toBe(400);
    await act(
      `/criminal-transfers/${id}/head-decision`,
      { decision: 'refuse', reasons: '证据不足，尚未达到追诉标准' },
      AGENCY_HEAD,
    );
    const t = await until(
      () => transfer(id),
      (v) => v.status === 'refused-by-head',
      'refused',
    );
    expect(t.outcome).toBe('refused-by-head');
    expect((await http('POST', api(`/criminal-transfers/${id}/transfer`), {}, AGENCY)).status).toBe(409);
  });

  it('after 不予立案: reconsideration upheld, then 立案监督 — reasons asked, 通知立案, the police open the case', async () => {
    const id = await transferred();
    await act(`/criminal-transfers/${id}/receipt`, { decision: 'accept' }, POLICE);
    await waitForTask(id, USER_TASK.filingDecision);
    await act(
      `/criminal-transfers/${id}/filing-decision`,
      { decision: 'refuse', reasons: '没有犯罪事实' },
      POLICE,
    );
    await waitForTask(id, USER_TASK.agencyResponse);
    let t = await transfer(id);
    expect(t).toMatchObject({ status: 'not-filed', currentStep: 'agency-response' });
    expect(t.dueRule?.basis).toContain('第九条');
    // 立案监督 review before anyone proposed it: 409.
    expect(
      (
        await http(
          'POST',
          api(`/criminal-transfers/${id}/supervision-review`),
          { decision: 'request-reasons' },
          JCY,
        )
      ).status,
    ).toBe(409);
    await act(
      `/criminal-transfers/${id}/agency-response`,
      { response: 'reconsider', reasons: '货值金额已超过5万元' },
      AGENCY,
    );
    await waitForTask(id, USER_TASK.reconsiderationDecision);
    await act(
      `/criminal-transfers/${id}/reconsideration-decision`,
      { decision: 'uphold', reasons: '维持原决定' },
      POLICE,
    );
    await waitForTask(id, USER_TASK.supervisionProposal);
    // A second reconsideration is not allowed; 立案监督 is.
    const again = await http<ErrorBody>(
      'POST',
      api(`/criminal-transfers/${id}/agency-response`),
      { response: 'reconsider', reasons: '再次复议' },
      AGENCY,
    );
    expect(again.status).toBe(409);
    expect(again.body.message.en).toContain('Reconsideration was decided');
    await act(
      `/criminal-transfers/${id}/agency-response`,
      { response: 'supervision', reasons: '建议检察院立案监督' },
      AGENCY,
    );
    await waitForTask(id, USER_TASK.supervisionReview);
    await eventually(() => registerOf('case-filing-supervision', id), { what: 'supervision row' });
    // Only the procuratorate reviews.
    expect(
      (
        await http(
          'POST',
          api(`/criminal-transfers/${id}/supervision-review`),
          { decision: 'request-reasons' },
          POLICE,
        )
      ).status,
    ).toBe(403);
    await act(`/criminal-transfers/${id}/supervision-review`, { decision: 'request-reasons' }, JCY);
    await waitForTask(id, USER_TASK.policeReasons);
    t = await transfer(id);
    expect(t.dueRule?.ruleId).toBe('criminal-transfer.police-reasons');
    await until(
      () => registerOf('case-filing-supervision', id),
      (r) => r.status === 'reasons-requested' && r.sender === 'jcy' && r.receiver === 'gaj',
      'reasons requested on the register',
    );
    await act(
      `/criminal-transfers/${id}/police-reasons`,
      { reasons: '经审查，当事人不明知产品不合格' },
      POLICE,
    );
    await waitForTask(id, USER_TASK.reasonsAssessment);
    await act(
      `/criminal-transfers/${id}/reasons-assessment`,
      { decision: 'notify-filing', comment: '理由不能成立' },
      JCY,
    );
    await waitForTask(id, USER_TASK.policeOpenCase);
    expect((await transfer(id)).dueRule?.ruleId).toBe('criminal-transfer.open-case');
    await act(`/criminal-transfers/${id}/case-opened`, { note: '已立案侦查' }, POLICE);
    await waitForTask(id, USER_TASK.exhibitHandover);
    await act(`/criminal-transfers/${id}/exhibits`, {}, AGENCY);
    t = await closed(id);
    expect(t.steps.map((s) => s.step)).toEqual([
      'head-decision',
      'transferred',
      'receipt',
      'filing-decision',
      'reconsideration-requested',
      'reconsideration-decision',
      'supervision-proposed',
      'reasons-requested',
      'reasons-given',
      'filing-notified',
      'case-opened',
      'exhibits-handed-over',
      'closed',
    ]);
    await until(
      () => registerOf('case-filing-supervision', id),
      (r) => r.closedAt !== null && r.status === 'case-opened',
      'supervision closed on the register',
    );
  });

  it('closes a refused case the agency accepts, to be handled administratively (Art. 10)', async () => {
    const id = await transferred();
    await act(`/criminal-transfers/${id}/receipt`, { decision: 'accept' }, POLICE);
    await waitForTask(id, USER_TASK.filingDecision);
    await act(
      `/criminal-transfers/${id}/filing-decision`,
      { decision: 'refuse', reasons: '情节显著轻微' },
      POLICE,
    );
    await waitForTask(id, USER_TASK.agencyResponse);
    await act(`/criminal-transfers/${id}/agency-response`, { response: 'accept' }, AGENCY);
    const t = await closed(id);
    expect(t.outcome).toBe('administrative-handling');
  });

  it('forwards a case to the competent organ within its 24 hours; that organ signs and decides', async () => {
    const id = await transferred();
    const noNotice = await http(
      'POST',
      api(`/criminal-transfers/${id}/receipt`),
      { decision: 'forward', forwardTo: 'gaj-slga' },
      POLICE,
    );
    expect(noNotice.status).toBe(400);
    await act(
      `/criminal-transfers/${id}/receipt`,
      { decision: 'forward', forwardTo: 'gaj-slga', reasons: '涉林案件，由森林公安管辖，特此书面告知' },
      POLICE,
    );
    await until(
      () => transfer(id),
      (t) => t.policeOrg === 'gaj-slga',
      'forwarded',
    );
    await waitForTask(id, USER_TASK.policeReceipt);
    const t = await transfer(id);
    expect(t.forwardedFrom).toEqual(['gaj']);
    expect(t.dueRule?.ruleId).toBe('criminal-transfer.receipt');
    expect(
      (await http('POST', api(`/criminal-transfers/${id}/receipt`), { decision: 'accept' }, POLICE)).status,
    ).toBe(403);
    await act(`/criminal-transfers/${id}/receipt`, { decision: 'accept' }, FOREST_POLICE);
    await waitForTask(id, USER_TASK.filingDecision);
    await act(`/criminal-transfers/${id}/filing-decision`, { decision: 'file' }, FOREST_POLICE);
    await waitForTask(id, USER_TASK.exhibitHandover);
    await until(
      () => registerOf('criminal-case-transfer', id),
      (r) => r.receiver === 'gaj-slga',
      'register shows the competent organ',
    );
    // The first organ still sees the case it forwarded.
    expect((await http('GET', api(`/criminal-transfers/${id}`), undefined, POLICE)).status).toBe(200);
  });

  it('runs the reverse handoff: 检察意见 to an agency, its written reply tracked, overdue escalated', async () => {
    const sent = await act<{ id: string; dueAt: string; escalateAt: string; dueRule: { ruleId: string } }>(
      '/procuratorial-opinions',
      {
        agencyOrg: 'scjg',
        subject: '不起诉案件的行政处罚',
        content: '建议对当事人依法给予行政处罚并回复。',
        sourceRef: '阳检刑不诉〔2026〕5号',
      },
      JCY,
      201,
    );
    expect(sent.dueRule.ruleId).toBe('procuratorial-opinion.reply');
    expect(
      (
        await http(
          'POST',
          api('/procuratorial-opinions'),
          { agencyOrg: 'scjg', subject: 'x', content: 'y' },
          AGENCY,
        )
      ).status,
    ).toBe(403);
    const row = await eventually(() => registerOf('reverse-transfer', sent.id), { what: 'reverse transfer' });
    expect(row).toMatchObject({ sender: 'jcy', receiver: 'scjg', status: 'sent' });
    await eventually(
      async () =>
        (
          await system.engine.listTasks({
            processDefinitionKey: PROCESS.procuratorialOpinion,
            processInstanceBusinessKey: sent.id,
            taskDefinitionKey: USER_TASK.opinionReply,
          })
        ).length === 1,
      { what: 'opinion reply task' },
    );
    // Unanswered past its due date: overdue, then escalated to the liaison meeting.
    await clock.advancePast(sent.dueAt);
    await until(
      () => registerOf('reverse-transfer', sent.id),
      (r) => r.overdue && r.status === 'reply-overdue',
      'opinion overdue',
    );
    await clock.advancePast(sent.escalateAt);
    await until(
      () => registerOf('reverse-transfer', sent.id),
      (r) => r.status === 'reply-escalated',
      'opinion escalated',
    );
    await clock.reset();
    const other = await http(
      'POST',
      api(`/procuratorial-opinions/${sent.id}/reply`),
      { reply: '已处罚' },
      POLICE,
    );
    expect(other.status).toBe(403);
    const replied = await act<{ status: string; reply: string }>(
      `/procuratorial-opinions/${sent.id}/reply`,
      { reply: '已于2026年11月对当事人作出罚款决定。' },
      AGENCY,
      201,
    );
    expect(replied.status).toBe('replied');
    expect(
      (await http('POST', api(`/procuratorial-opinions/${sent.id}/reply`), { reply: '再次回复' }, AGENCY))
        .status,
    ).toBe(409);
    await until(
      () => registerOf('reverse-transfer', sent.id),
      (r) => r.closedAt !== null,
      'opinion closed',
    );
  });

  it('lists 应移未移 penalty cases above the threshold for the procuratorate, which sends 建议移送', async () => {
    const big = await act<{ id: string; aboveThreshold: boolean }>(
      '/penalty-cases',
      { caseNo: caseNo(), offence: '销售不合格产品', amountYuan: 86000, decidedOn: '2026-10-20' },
      AGENCY,
      201,
    );
    const small = await act<{ id: string; aboveThreshold: boolean }>(
      '/penalty-cases',
      { caseNo: caseNo(), offence: '未明码标价', amountYuan: 2000, decidedOn: '2026-10-21' },
      AGENCY,
      201,
    );
    expect(big.aboveThreshold).toBe(true);
    expect(small.aboveThreshold).toBe(false);
    expect((await http('GET', api('/penalty-cases/suspected'), undefined, AGENCY)).status).toBe(403);
    const suspected = await http<{ thresholdYuan: number; items: { id: string }[] }>(
      'GET',
      api('/penalty-cases/suspected'),
      undefined,
      JCY,
    );
    expect(suspected.body.thresholdYuan).toBe(50000);
    expect(suspected.body.items.map((i) => i.id)).toContain(big.id);
    expect(suspected.body.items.map((i) => i.id)).not.toContain(small.id);

    const below = await http<ErrorBody>(
      'POST',
      api(`/penalty-cases/${small.id}/transfer-suggestion`),
      { reasons: '建议移送' },
      JCY,
    );
    expect(below.status).toBe(422);
    const suggested = await act<{ suggestion: { id: string } }>(
      `/penalty-cases/${big.id}/transfer-suggestion`,
      { reasons: '涉案货值金额8.6万元，已达立案追诉标准，建议移送公安机关。' },
      JCY,
      201,
    );
    expect(
      (await http('POST', api(`/penalty-cases/${big.id}/transfer-suggestion`), { reasons: '再次' }, JCY))
        .status,
    ).toBe(409);
    const row = await eventually(() => registerOf('transfer-suggestion', suggested.suggestion.id), {
      what: 'suggestion row',
    });
    expect(row).toMatchObject({ sender: 'jcy', receiver: 'scjg', status: 'suggested' });

    // The agency follows the suggestion: the case leaves the 应移未移 list and the suggestion closes.
    await registered({ penaltyCaseId: big.id });
    const after = await http<{ items: { id: string }[] }>(
      'GET',
      api('/penalty-cases/suspected'),
      undefined,
      JCY,
    );
    expect(after.body.items.map((i) => i.id)).not.toContain(big.id);
    await until(
      () => registerOf('transfer-suggestion', suggested.suggestion.id),
      (r) => r.closedAt !== null,
      'suggestion closed',
    );
  });

  it('escalates every late step: overdue at its due date (the head urged), then the liaison meeting', async () => {
    const id = await registered();
    /** Lets step `step` run late through both timers, then brings the clock back to now. */
    async function late(step: string, responsible: string) {
      const t = await until(
        () => transfer(id),
        (v) => v.currentStep === step,
        `${id} at ${step}`,
      );
      await clock.advancePast(t.dueAt!);
      const overdue = await until(
        () => transfer(id),
        // The notice and the flag commit together; a read may land between its two queries.
        (v) => v.overdue && v.notices.some((n) => n.step === step && n.level === 'overdue'),
        `${step} overdue`,
      );
      expect(overdue.notices.find((n) => n.step === step)?.responsibleOrg).toBe(responsible);
      expect(overdue.notices.some((n) => n.step === step && n.level === 'escalation')).toBe(false);
      await clock.advancePast(t.escalateAt!);
      await until(
        () => transfer(id),
        (v) => v.notices.some((n) => n.step === step && n.level === 'escalation'),
        `${step} escalated`,
      );
      await clock.reset();
    }
    await late('head-decision', 'scjg');
    await act(`/criminal-transfers/${id}/head-decision`, { decision: 'approve' }, AGENCY_HEAD);
    for (const kind of REQUIRED) await upload(id, kind);
    await waitForTask(id, USER_TASK.transferToPolice);
    expect((await transfer(id)).overdue).toBe(false); // a new step, a new clock
    await late('transfer-to-police', 'scjg');
    await act(`/criminal-transfers/${id}/transfer`, {}, AGENCY);
    await waitForTask(id, USER_TASK.policeReceipt);
    await late('police-receipt', 'gaj');
    await until(
      () => registerOf('criminal-case-transfer', id),
      (r) => r.overdue && r.status === 'police-receipt-escalated',
      'late receipt on the liaison register',
    );
    await act(`/criminal-transfers/${id}/receipt`, { decision: 'accept' }, POLICE);
    await waitForTask(id, USER_TASK.filingDecision);
    await late('filing-decision', 'gaj');
    await act(
      `/criminal-transfers/${id}/filing-decision`,
      { decision: 'refuse', reasons: '不构成犯罪' },
      POLICE,
    );
    await waitForTask(id, USER_TASK.agencyResponse);
    await late('agency-response', 'scjg');
    await act(
      `/criminal-transfers/${id}/agency-response`,
      { response: 'reconsider', reasons: '申请复议' },
      AGENCY,
    );
    await waitForTask(id, USER_TASK.reconsiderationDecision);
    await late('reconsideration-decision', 'gaj');
    await act(
      `/criminal-transfers/${id}/reconsideration-decision`,
      { decision: 'uphold', reasons: '维持' },
      POLICE,
    );
    await waitForTask(id, USER_TASK.supervisionProposal);
    await late('supervision-proposal', 'scjg');
    await act(
      `/criminal-transfers/${id}/agency-response`,
      { response: 'supervision', reasons: '建议立案监督' },
      AGENCY,
    );
    await waitForTask(id, USER_TASK.supervisionReview);
    await act(`/criminal-transfers/${id}/supervision-review`, { decision: 'request-reasons' }, JCY);
    await waitForTask(id, USER_TASK.policeReasons);
    await late('police-reasons', 'gaj');
    await until(
      () => registerOf('case-filing-supervision', id),
      (r) => r.overdue && r.status === 'police-reasons-escalated',
      'late reasons on the register',
    );
    await act(`/criminal-transfers/${id}/police-reasons`, { reasons: '说明' }, POLICE);
    await waitForTask(id, USER_TASK.reasonsAssessment);
    await act(`/criminal-transfers/${id}/reasons-assessment`, { decision: 'notify-filing' }, JCY);
    await waitForTask(id, USER_TASK.policeOpenCase);
    await late('police-open-case', 'gaj');
    await act(`/criminal-transfers/${id}/case-opened`, {}, POLICE);
    await waitForTask(id, USER_TASK.exhibitHandover);
    await late('exhibit-handover', 'scjg');
    await act(`/criminal-transfers/${id}/exhibits`, {}, AGENCY);
    const t = await closed(id);
    // Each step raised exactly one notice per level.
    expect(t.notices).toHaveLength(20);
    const overdueList = await http<{ items: { id: string }[] }>(
      'GET',
      api('/criminal-transfers?overdue=true&limit=500'),
      undefined,
      JCY,
    );
    expect(overdueList.body.items.some((i) => i.id === id)).toBe(false); // closed is no longer overdue
  });

  async function publish(envelopes: EventEnvelope[], key: string): Promise<RecordMetadata[]> {
    const kafka = new Kafka({
      clientId: 'criminal-transfer-test',
      brokers: process.env.KAFKA_BROKERS!.split(','),
    });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const sent: RecordMetadata[] = [];
    try {
      for (const envelope of envelopes) {
        const [meta] = await producer.send({
          topic: envelope.type,
          messages: [{ key, value: JSON.stringify(envelope) }],
        });
        sent.push(meta);
      }
    } finally {
      await producer.disconnect();
    }
    return sent;
  }

  async function consumed(groupId: string, sent: RecordMetadata[]) {
    const kafka = new Kafka({
      clientId: 'criminal-transfer-admin',
      brokers: process.env.KAFKA_BROKERS!.split(','),
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(
        async () => {
          for (const meta of sent) {
            const [offsets] = await admin.fetchOffsets({ groupId, topics: [meta.topicName] });
            const committed = offsets.partitions.find((p) => p.partition === meta.partition);
            if (!committed || Number(committed.offset) <= Number(meta.baseOffset)) return false;
          }
          return true;
        },
        { what: `${groupId} consumed the test messages`, timeoutMs: 45000 },
      );
    } finally {
      await admin.disconnect();
    }
  }

  it('handles duplicate events and a redelivered send job once', async () => {
    const id = await transferred();
    await until(
      async () =>
        (
          await http<{ items: { caseId: string }[] }>('GET', api('/criminal-case-copies'), undefined, SFJ)
        ).body.items.filter((c) => c.caseId === id).length,
      (n) => n === 1,
      'copy received',
    );
    const envelopeOf = async (topic: string) => {
      const [row] = (await system.db.query(
        `SELECT envelope FROM "procuratorate"."outbox_message" WHERE topic = $1 AND message_key = $2`,
        [topic, id],
      )) as { envelope: EventEnvelope }[];
      return row.envelope;
    };
    const copied = await envelopeOf(TOPIC.criminalCaseCopied);
    const registeredEvent = await envelopeOf(TOPIC.criminalCaseRegistered);
    // The same event again, and the same content under a new id (a producer retry after a lost ack).
    const sentCopies = await publish([copied, { ...copied, id: randomUUID() }], id);
    const sentRegistered = await publish([registeredEvent, { ...registeredEvent, id: randomUUID() }], id);
    await consumed('justice-bureau', sentCopies);
    await consumed('procuratorate', sentRegistered);
    const copies = await system.jbDb.query(
      `SELECT count(*)::int AS n FROM "justice_bureau"."criminal_case_copy" WHERE case_id = $1`,
      [id],
    );
    expect(copies[0].n).toBe(1);
    const instances = await system.engine.findProcessInstances({
      businessKey: id,
      processDefinitionKey: PROCESS.criminalTransfer,
    });
    expect(instances).toHaveLength(1);

    // The send job delivered again (e.g. its completion was lost): nothing is sent twice.
    const count = async () =>
      (
        (await system.db.query(
          `SELECT count(*)::int AS n FROM "procuratorate"."outbox_message" WHERE topic = $1 AND message_key = $2`,
          [TOPIC.criminalCaseTransferred, id],
        )) as { n: number }[]
      )[0].n;
    expect(await count()).toBe(1);
    const worker: JobHandler = system.procuratorate.app.get(SendCriminalTransferWorker);
    const job = {
      id: randomUUID(),
      topicName: 'procuratorate.send-criminal-transfer',
      workerId: 'test',
      processInstanceId: instances[0].id,
      processDefinitionKey: PROCESS.criminalTransfer,
      businessKey: id,
      activityId: 'send-criminal-transfer',
      retries: null,
      variables: {},
    } satisfies LockedJob;
    const result = await system.db.transaction((manager) => worker.handle(job, manager));
    expect(result.kind).toBe('complete');
    expect(await count()).toBe(1);
    const t = await transfer(id);
    expect(t.steps.filter((s) => s.step === 'transferred')).toHaveLength(1);
  });
});
