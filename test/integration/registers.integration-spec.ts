import { Workbook } from 'exceljs';
import { AS_HEAD, AS_REVIEWER, AS_STAFF, asAgency, authenticate, http } from '@oversight/testing';
import { Services, startServices } from './services';

/**
 * The registers of domain.md §3 through the gateway on real PostgreSQL: matter catalogues (draft, submit,
 * publish, public read, Excel), officers and certificates (staffing proof, refusals, suspension,
 * revocation, the annual clean-up, Excel), training and its annual check (assessment inputs), the
 * negative list, supervisors and enterprise contact points.
 */

type ErrorBody = { message: { zh: string; en: string } };

const PDF = Buffer.from('%PDF-1.4\n%staffing proof\n', 'latin1');

interface Person {
  id: string;
  name: string;
  kind: string;
  staffingProofs: { id: string; sha256: string }[];
  certificates: { id: string; number: string; status: string }[];
}

interface Certificate {
  id: string;
  number: string;
  status: string;
  name: string;
  org: string;
  actions: { action: string; reason: string | null; basis: string | null; reviewYear: number | null }[];
}

describe('registers (执法事项清单、执法人员、培训、负面清单、监督员、企业联系点)', () => {
  let system: Services;

  beforeAll(async () => {
    system = await startServices(['justice-bureau']);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const api = (path: string) => `${system.api}${path}`;
  const reg = (path: string) => api(`/registers${path}`);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  async function workbook(path: string, headers: Record<string, string>) {
    const response = await fetch(path, { headers: authenticate(headers) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const book = new Workbook();
    await book.xlsx.load(new Uint8Array(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      rows.push(
        (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
      );
    });
    return rows;
  }

  async function person(org: string, name: string, kind: 'officer' | 'auxiliary'): Promise<Person> {
    const { status, body } = await http<Person>(
      'POST',
      reg('/people'),
      { name, kind, post: '执法岗', staffingType: kind === 'officer' ? '行政编制' : undefined },
      asAgency(org),
    );
    expect(status).toBe(201);
    return body;
  }

  async function uploadProof(id: string, org: string, content = PDF, type = 'application/pdf') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), '编制证明.pdf');
    const response = await fetch(reg(`/people/${id}/staffing-proof`), {
      method: 'POST',
      body: form,
      headers: authenticate(asAgency(org)),
    });
    return { status: response.status, body: (await response.json()) as Person & ErrorBody };
  }

  async function certified(org: string, name: string): Promise<{ person: Person; certificate: Certificate }> {
    const p = await person(org, name, 'officer');
    expect((await uploadProof(p.id, org)).status).toBe(201);
    const issued = await http<Certificate>('POST', reg(`/people/${p.id}/certificate`), {}, AS_STAFF);
    expect(issued.status).toBe(201);
    return { person: p, certificate: issued.body };
  }

  it('catalogues: the agency drafts and submits, the bureau publishes, the public reads it, Excel', async () => {
    const entries = [
      {
        code: 'SC-CF-001',
        name: '对销售不符合食品安全标准食品的行政处罚',
        kind: '行政处罚',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        implementingBody: '县市场监督管理局',
      },
      {
        code: 'SC-JC-001',
        name: '食品经营现场检查',
        kind: '行政检查',
        legalBasis: '《中华人民共和国食品安全法》第一百一十条',
        implementingBody: '县市场监督管理局',
      },
    ];
    const draft = await http<{ id: string; version: number; status: string }>(
      'POST',
      reg('/matter-catalogues'),
      { list: 'matters' },
      asAgency('scjg'),
    );
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 1, status: 'draft' });
    const id = draft.body.id;
    // One open version at a time.
    expect(
      (await http('POST', reg('/matter-catalogues'), { list: 'matters' }, asAgency('scjg'))).status,
    ).toBe(409);
    const duplicate = await http<ErrorBody>(
      'PUT',
      reg(`/matter-catalogues/${id}/entries`),
      { entries: [entries[0], entries[0]] },
      asAgency('scjg'),
    );
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.message.zh).toContain('重复');
    expect(
      (await http('PUT', reg(`/matter-catalogues/${id}/entries`), { entries }, asAgency('scjg'))).status,
    ).toBe(200);
    // Another organisation does not see it; nobody but the bureau publishes.
    expect((await http('GET', reg(`/matter-catalogues/${id}`), undefined, asAgency('cgj'))).status).toBe(404);
    expect(
      (await http('POST', reg(`/matter-catalogues/${id}/publication`), undefined, asAgency('scjg'))).status,
    ).toBe(403);
    expect(
      (await http('POST', reg(`/matter-catalogues/${id}/publication`), undefined, AS_REVIEWER)).status,
    ).toBe(409);
    expect(
      (await http('POST', reg(`/matter-catalogues/${id}/submission`), undefined, asAgency('scjg'))).status,
    ).toBe(201);
    expect((await http('GET', api('/public/matter-catalogues/scjg/matters'))).status).toBe(404);
    const published = await http<{ status: string }>(
      'POST',
      reg(`/matter-catalogues/${id}/publication`),
      undefined,
      AS_REVIEWER,
    );
    expect(published.status).toBe(201);
    expect(published.body.status).toBe('published');

    // Public, without signing in.
    const open = await fetch(api('/public/matter-catalogues/scjg/matters'));
    expect(open.status).toBe(200);
    const publicView = (await open.json()) as {
      version: number;
      orgName: string;
      entries: { code: string }[];
    };
    expect(publicView.orgName).toBe('县市场监督管理局');
    expect(publicView.entries.map((e) => e.code)).toEqual(['SC-CF-001', 'SC-JC-001']);

    // A new version starts from the published one; the published one stays public until replaced.
    const v2 = await http<{ id: string; version: number; entries: { code: string }[] }>(
      'POST',
      reg('/matter-catalogues'),
      { list: 'matters' },
      asAgency('scjg'),
    );
    expect(v2.body.version).toBe(2);
    expect(v2.body.entries.map((e) => e.code)).toEqual(['SC-CF-001', 'SC-JC-001']);

    const rows = await workbook(reg(`/matter-catalogues/${id}/export`), asAgency('scjg'));
    expect(rows[0][0]).toBe('县市场监督管理局行政执法事项目录清单（第1版）');
    expect(rows[1]).toEqual(['序号', '事项编码', '事项名称', '事项类别', '法律依据', '实施主体']);
    expect(rows[2].slice(0, 4)).toEqual([
      '1',
      'SC-CF-001',
      '对销售不符合食品安全标准食品的行政处罚',
      '行政处罚',
    ]);
    expect(rows[3][1]).toBe('SC-JC-001');
  });

  it('catalogues: a town’s delegated-powers list names the delegating department; unknown codes are refused', async () => {
    const notTown = await http<ErrorBody>(
      'POST',
      reg('/matter-catalogues'),
      { list: 'delegated-powers' },
      asAgency('cgj'),
    );
    expect(notTown.status).toBe(422);
    expect(notTown.body.message.zh).toContain('不是镇（区）');
    const unknown = await http<ErrorBody>(
      'POST',
      reg('/matter-catalogues'),
      { list: 'matters', org: 'no-such-org' },
      AS_STAFF,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.message.zh).toContain('no-such-org');

    const draft = await http<{ id: string }>(
      'POST',
      reg('/matter-catalogues'),
      { list: 'delegated-powers' },
      asAgency('xgz'),
    );
    expect(draft.status).toBe(201);
    const entry = {
      code: 'XGZ-FQ-001',
      name: '对违法建设的行政处罚',
      kind: '行政处罚',
      legalBasis: '《湖北省乡镇综合行政执法赋权事项目录》',
      implementingBody: '兴国镇综合执法中心',
    };
    const missing = await http<ErrorBody>(
      'PUT',
      reg(`/matter-catalogues/${draft.body.id}/entries`),
      { entries: [entry] },
      asAgency('xgz'),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.message.zh).toContain('赋权部门');
    await http(
      'PUT',
      reg(`/matter-catalogues/${draft.body.id}/entries`),
      { entries: [{ ...entry, delegatingOrg: 'zrzyj' }] },
      asAgency('xgz'),
    );
    await http('POST', reg(`/matter-catalogues/${draft.body.id}/submission`), undefined, asAgency('xgz'));
    await http('POST', reg(`/matter-catalogues/${draft.body.id}/publication`), undefined, AS_HEAD);
    const listed = await http<{ org: string; list: string; entries: { delegatingOrg: string }[] }[]>(
      'GET',
      api('/public/matter-catalogues?org=xgz'),
    );
    expect(listed.body).toEqual([
      expect.objectContaining({
        org: 'xgz',
        list: 'delegated-powers',
        entries: [expect.objectContaining({ delegatingOrg: 'zrzyj' })],
      }),
    ]);
  });

  it('certificates: never without staffing proof, never to an auxiliary; suspend, revoke, register and Excel', async () => {
    const officer = await person('cgj', '赵执法', 'officer');
    const noProof = await http<ErrorBody>('POST', reg(`/people/${officer.id}/certificate`), {}, AS_STAFF);
    expect(noProof.status).toBe(422);
    expect(noProof.body.message.zh).toContain('没有编制证明文件，不能申领行政执法证');
    expect(noProof.body.message.en).toContain('staffing proof');

    const auxiliary = await person('cgj', '钱辅助', 'auxiliary');
    expect((await uploadProof(auxiliary.id, 'cgj')).status).toBe(201);
    const toAuxiliary = await http<ErrorBody>(
      'POST',
      reg(`/people/${auxiliary.id}/certificate`),
      {},
      AS_STAFF,
    );
    expect(toAuxiliary.status).toBe(422);
    expect(toAuxiliary.body.message.zh).toContain('执法辅助人员不得申领行政执法证');
    expect(toAuxiliary.body.message.en).toContain('auxiliaries are never issued');

    // A proof is checked by content, and only the person's own organisation may upload it.
    const notPdf = await uploadProof(officer.id, 'cgj', Buffer.from('just text'), 'application/pdf');
    expect(notPdf.status).toBe(422);
    expect((await uploadProof(officer.id, 'scjg')).status).toBe(404);
    const withProof = await uploadProof(officer.id, 'cgj');
    expect(withProof.status).toBe(201);
    expect(withProof.body.staffingProofs).toHaveLength(1);

    // Only the bureau issues.
    expect((await http('POST', reg(`/people/${officer.id}/certificate`), {}, asAgency('cgj'))).status).toBe(
      403,
    );
    const issued = await http<Certificate>('POST', reg(`/people/${officer.id}/certificate`), {}, AS_STAFF);
    expect(issued.status).toBe(201);
    expect(issued.body.number).toMatch(/^执法证〔\d{4}〕\d+号$/);
    expect(issued.body.status).toBe('valid');
    expect((await http('POST', reg(`/people/${officer.id}/certificate`), {}, AS_STAFF)).status).toBe(409);

    const id = issued.body.id;
    const suspended = await http<Certificate>(
      'POST',
      reg(`/certificates/${id}/suspension`),
      { reason: '执法过错：未出示证件', basis: '《实施方案》四（二）1' },
      AS_STAFF,
    );
    expect(suspended.body.status).toBe('suspended');
    expect(
      (await http('POST', reg(`/certificates/${id}/suspension`), { reason: '再次', basis: '同上' }, AS_STAFF))
        .status,
    ).toBe(409);
    const revoked = await http<Certificate>(
      'POST',
      reg(`/certificates/${id}/revocation`),
      { action: 'revoke', reason: '严重执法过错', basis: '行政执法证件管理办法' },
      AS_STAFF,
    );
    expect(revoked.status).toBe(201);
    expect(revoked.body.status).toBe('revoked');
    expect(revoked.body.actions.map((a) => a.action)).toEqual(['issue', 'suspend', 'revoke']);
    expect(revoked.body.actions[2]).toMatchObject({ reason: '严重执法过错', basis: '行政执法证件管理办法' });

    // The agency sees its own certificates only.
    const own = await http<Certificate[]>('GET', reg('/certificates'), undefined, asAgency('cgj'));
    expect(own.body.map((c) => c.number)).toContain(issued.body.number);
    const other = await http<Certificate[]>('GET', reg('/certificates'), undefined, asAgency('scjg'));
    expect(other.body.map((c) => c.number)).not.toContain(issued.body.number);

    const rows = await workbook(reg('/certificates/export?org=cgj'), AS_STAFF);
    expect(rows[0][0]).toBe('行政执法证登记簿');
    expect(rows[1]).toEqual(['证件编号', '姓名', '所在单位', '证件状态', '发证日期', '有效期至', '在岗情况']);
    expect(
      rows
        .slice(2)
        .find((r) => r[0] === issued.body.number)
        ?.slice(1, 4),
    ).toEqual(['赵执法', '县城管执法局', '吊销']);

    // And the revoked officer is on the negative list, next to what complaints put there.
    const negative = await http<{
      matters: unknown[];
      officers: unknown[];
      certificateSanctions: { name: string; status: string; reason: string }[];
    }>('GET', api('/negative-list'), undefined, AS_STAFF);
    expect(negative.status).toBe(200);
    expect(Array.isArray(negative.body.matters)).toBe(true);
    expect(Array.isArray(negative.body.officers)).toBe(true);
    expect(negative.body.certificateSanctions).toContainEqual(
      expect.objectContaining({ name: '赵执法', status: 'revoked', reason: '严重执法过错' }),
    );
  });

  it('annual clean-up lists certificates whose holder left or were suspended too long, and records one decision each', async () => {
    const year = Number(today.slice(0, 4));
    const left = await certified('jtj', '孙离岗');
    await http('POST', reg(`/people/${left.person.id}/departure`), { leftOn: today }, asAgency('jtj'));
    const suspended = await certified('jtj', '李暂扣');
    await http(
      'POST',
      reg(`/certificates/${suspended.certificate.id}/suspension`),
      { reason: '培训考试不合格', basis: '《实施方案》四（二）1' },
      AS_STAFF,
    );
    const fine = await certified('jtj', '周正常');

    const later = new Date(Date.now() + 8 * 3600_000 + 200 * 86_400_000).toISOString().slice(0, 10);
    const review = await http<{ pending: number; items: { id: string; findings: { code: string }[] }[] }>(
      'GET',
      reg(`/certificates/annual-review?year=${year}&asOf=${later}`),
      undefined,
      AS_STAFF,
    );
    expect(review.status).toBe(200);
    const find = (id: string) => review.body.items.find((i) => i.id === id);
    expect(find(left.certificate.id)?.findings.map((f) => f.code)).toEqual(['person-left']);
    expect(find(suspended.certificate.id)?.findings.map((f) => f.code)).toEqual(['suspended-too-long']);
    expect(find(fine.certificate.id)).toBeUndefined();
    // Not yet too long today.
    const now = await http<{ items: { id: string }[] }>(
      'GET',
      reg(`/certificates/annual-review?year=${year}`),
      undefined,
      AS_STAFF,
    );
    expect(now.body.items.map((i) => i.id)).not.toContain(suspended.certificate.id);
    expect(
      (await http('GET', reg(`/certificates/annual-review?year=${year}`), undefined, asAgency('jtj'))).status,
    ).toBe(403);

    const decision = {
      year,
      decision: 'cancel',
      reason: '持证人已调离执法岗位',
      basis: '《实施方案》四（二）1 常态化清理',
    };
    const cancelled = await http<Certificate>(
      'POST',
      reg(`/certificates/${left.certificate.id}/annual-review`),
      decision,
      AS_STAFF,
    );
    expect(cancelled.status).toBe(201);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.actions.at(-1)).toMatchObject({ action: 'cancel', reviewYear: year });
    const twice = await http<ErrorBody>(
      'POST',
      reg(`/certificates/${left.certificate.id}/annual-review`),
      decision,
      AS_STAFF,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.message.zh).toContain('年度清理已有决定');
    const kept = await http<Certificate>(
      'POST',
      reg(`/certificates/${suspended.certificate.id}/annual-review`),
      { year, decision: 'keep', reason: '已补考合格，拟恢复', basis: '清理意见' },
      AS_STAFF,
    );
    expect(kept.body.status).toBe('suspended');
    const after = await http<{
      pending: number;
      items: { id: string; decision: { action: string } | null }[];
    }>('GET', reg(`/certificates/annual-review?year=${year}&asOf=${later}`), undefined, AS_STAFF);
    expect(after.body.items.find((i) => i.id === left.certificate.id)?.decision?.action).toBe('cancel');
    expect(after.body.items.find((i) => i.id === suspended.certificate.id)?.decision?.action).toBe('keep');
    expect(after.body.pending).toBe(0);
  });

  it('training: shortfalls are flagged per person, and the annual check writes one assessment input per agency', async () => {
    const year = 2030;
    const a = await person('nyj', '甲执法', 'officer');
    const b = await person('nyj', '乙执法', 'officer');
    const c = await person('nyj', '丙辅助', 'auxiliary');
    const train = (personId: string, body: Record<string, unknown>, as = asAgency('nyj')) =>
      http<{ days: number } & ErrorBody>(
        'POST',
        reg('/training'),
        { personId, topic: '行政处罚法', kind: '集中培训', ...body },
        as,
      );
    expect((await train(a.id, { trainedOn: `${year}-03-10`, days: 3 })).status).toBe(201);
    const byHours = await train(a.id, {
      trainedOn: `${year}-06-10`,
      hours: 16,
      topic: '一月一法：食品安全法',
      kind: '一月一法',
    });
    expect(byHours.body.days).toBe(2);
    await train(a.id, {
      trainedOn: `${year}-06-20`,
      days: 0,
      kind: '抽考',
      topic: '执法知识抽考',
      quizScore: 92,
      quizPassed: true,
    });
    await train(b.id, { trainedOn: `${year}-03-10`, days: 2 });
    await train(c.id, { trainedOn: `${year}-04-01`, days: 3 });
    // Last year's training does not count.
    await train(b.id, { trainedOn: `${year - 1}-12-30`, days: 5 });
    const noLength = await train(b.id, { trainedOn: `${year}-05-01` });
    expect(noLength.status).toBe(422);
    expect(noLength.body.message.zh).toContain('天数或学时');
    expect((await train(a.id, { trainedOn: `${year}-05-01`, days: 1 }, asAgency('scjg'))).status).toBe(422);

    const check = await http<{
      requirements: { kind: string; minDays: number; basis: string }[];
      organisations: {
        org: string;
        people: number;
        met: number;
        percent: number;
        shortfalls: { name: string; days: number; required: number; shortfall: number }[];
        persons: { name: string; quizzes: { score: number }[] }[];
      }[];
    }>('GET', reg(`/training/annual-check?year=${year}`), undefined, asAgency('nyj'));
    expect(check.status).toBe(200);
    expect(check.body.requirements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'officer', minDays: 5, basis: expect.stringContaining('四（二）2') }),
        expect.objectContaining({
          kind: 'auxiliary',
          minDays: 3,
          basis: expect.stringContaining('四（二）3'),
        }),
      ]),
    );
    expect(check.body.organisations).toHaveLength(1);
    const nyj = check.body.organisations[0];
    expect(nyj).toMatchObject({ org: 'nyj', people: 3, met: 2, percent: 66.7 });
    expect(nyj.shortfalls).toEqual([
      expect.objectContaining({ name: '乙执法', days: 2, required: 5, shortfall: 3 }),
    ]);
    expect(nyj.persons.find((p) => p.name === '甲执法')?.quizzes).toEqual([
      expect.objectContaining({ score: 92 }),
    ]);

    const sheet = await workbook(reg(`/training/annual-check/export?year=${year}`), asAgency('nyj'));
    expect(sheet[0][0]).toBe(`${year}年度行政执法人员培训达标情况`);
    expect(sheet.slice(2).map((r) => `${r[1]}:${r[3]}:${r[4]}:${r[6]}`)).toEqual([
      '丙辅助:3:3:达标',
      '乙执法:2:5:未达标',
      '甲执法:5:5:达标',
    ]);

    // Running the check writes (and on a re-run updates) one assessment input per organisation.
    expect((await http('POST', reg('/training/annual-check'), { year }, asAgency('nyj'))).status).toBe(403);
    expect((await http('POST', reg('/training/annual-check'), { year }, AS_STAFF)).status).toBe(201);
    await train(b.id, { trainedOn: `${year}-09-10`, days: 3 }, AS_STAFF);
    expect((await http('POST', reg('/training/annual-check'), { year }, AS_STAFF)).status).toBe(201);
    const rows = (await system.db('justice-bureau').query(
      `SELECT unit_code, result, score, outcome, detail, basis FROM justice_bureau.assessment_input
          WHERE year = $1 AND source = 'training' ORDER BY unit_code`,
      [year],
    )) as { unit_code: string; result: string; score: string; outcome: string; basis: string }[];
    const nyjRows = rows.filter((r) => r.unit_code === 'nyj');
    expect(nyjRows).toHaveLength(1);
    expect(nyjRows[0]).toMatchObject({ result: 'met', outcome: '全部3人达到年度培训要求' });
    expect(Number(nyjRows[0].score)).toBe(100);
    expect(nyjRows[0].basis).toContain('四（二）2');
    const inputs = await http<{ unitCode?: string; unit?: string; source: string }[] | { items: unknown[] }>(
      'GET',
      api(`/assessment-inputs?year=${year}&unit=nyj`),
      undefined,
      AS_STAFF,
    );
    expect(JSON.stringify(inputs.body)).toContain('"training"');

    // The minimum is data: the bureau's head may change it, nobody else.
    expect(
      (await http('PUT', reg('/training/requirements/auxiliary'), { minDays: 4, basis: 'local' }, AS_STAFF))
        .status,
    ).toBe(403);
    const changed = await http<{ minDays: number }>(
      'PUT',
      reg('/training/requirements/auxiliary'),
      { minDays: 4, basis: 'local：县司法局年度通知' },
      AS_HEAD,
    );
    expect(changed.body.minDays).toBe(4);
    const stricter = await http<{ organisations: { shortfalls: { name: string }[] }[] }>(
      'GET',
      reg(`/training/annual-check?year=${year}&org=nyj`),
      undefined,
      AS_STAFF,
    );
    expect(stricter.body.organisations[0].shortfalls.map((s) => s.name)).toEqual(['丙辅助']);
    await http(
      'PUT',
      reg('/training/requirements/auxiliary'),
      { minDays: 3, basis: '《实施方案》四（二）3：每名执法辅助人员全年培训不少于3天' },
      AS_HEAD,
    );
  });

  it('negative list: the bureau adds a matter or an officer by hand and removes it with a reason', async () => {
    const officer = await person('wjj', '吴某', 'officer');
    const matter = await http<{ id: string; basis: string }>(
      'POST',
      reg('/negative-list'),
      { subject: 'matter', org: 'wjj', matter: '公共场所卫生监督检查', reason: '纠错多：年内3件被复议撤销' },
      AS_STAFF,
    );
    expect(matter.status).toBe(201);
    expect(matter.body.basis).toContain('四（三）6');
    const named = await http<{ id: string; name: string }>(
      'POST',
      reg('/negative-list'),
      {
        subject: 'officer',
        org: 'wjj',
        personId: officer.id,
        reason: '问题多：多次违规执法',
        listedOn: today,
      },
      AS_STAFF,
    );
    expect(named.body.name).toBe('吴某');
    expect(
      (
        await http(
          'POST',
          reg('/negative-list'),
          { subject: 'matter', org: 'wjj', reason: '无事项' },
          AS_STAFF,
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await http(
          'POST',
          reg('/negative-list'),
          { subject: 'matter', org: 'nope', matter: 'x', reason: 'y' },
          AS_STAFF,
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await http(
          'POST',
          reg('/negative-list'),
          { subject: 'matter', org: 'wjj', matter: 'x', reason: 'y' },
          asAgency('wjj'),
        )
      ).status,
    ).toBe(403);

    type NegativeList = {
      manualEntries: { id: string; subject: string; matter: string | null; name: string | null }[];
    };
    const listed = await http<NegativeList>('GET', api('/negative-list'), undefined, AS_STAFF);
    expect(listed.body.manualEntries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: matter.body.id, subject: 'matter', matter: '公共场所卫生监督检查' }),
        expect.objectContaining({ id: named.body.id, subject: 'officer', name: '吴某' }),
      ]),
    );
    expect((await http('POST', reg(`/negative-list/${matter.body.id}/removal`), {}, AS_STAFF)).status).toBe(
      400,
    );
    const removed = await http<{ removalReason: string }>(
      'POST',
      reg(`/negative-list/${matter.body.id}/removal`),
      { reason: '已整改到位，复查无新问题' },
      AS_STAFF,
    );
    expect(removed.body.removalReason).toBe('已整改到位，复查无新问题');
    expect(
      (await http('POST', reg(`/negative-list/${matter.body.id}/removal`), { reason: '再次' }, AS_STAFF))
        .status,
    ).toBe(409);
    const after = await http<NegativeList>('GET', api('/negative-list'), undefined, AS_STAFF);
    expect(after.body.manualEntries.map((e) => e.id)).toEqual(expect.arrayContaining([named.body.id]));
    expect(after.body.manualEntries.map((e) => e.id)).not.toContain(matter.body.id);
    const history = await http<{ id: string }[]>(
      'GET',
      reg('/negative-list?includeRemoved=true'),
      undefined,
      AS_STAFF,
    );
    expect(history.body.map((e) => e.id)).toContain(matter.body.id);
  });

  it('supervisors: appointed by category with a term, town pools, ended appointments leave the active pool', async () => {
    const year = Number(today.slice(0, 4));
    const term = { termStart: `${year - 1}-01-01`, termEnd: `${year + 2}-12-31` };
    const appoint = (body: Record<string, unknown>, as = AS_STAFF) =>
      http<{ id: string; pool: string; active: boolean; categoryName: string } & ErrorBody>(
        'POST',
        reg('/supervisors'),
        { ...term, ...body },
        as,
      );
    const lawyer = await appoint({ name: '陈律师', category: 'lawyer', affiliation: '湖北某律师事务所' });
    expect(lawyer.status).toBe(201);
    expect(lawyer.body).toMatchObject({ pool: 'county', active: true, categoryName: '律师（含公职律师）' });
    const deputy = await appoint({ name: '黄代表', category: 'deputy', town: 'xgz' });
    expect(deputy.body.pool).toBe('town');
    const otherTown = await appoint({ name: '何明白', category: 'rural-legal', town: 'fcz' });
    expect(otherTown.status).toBe(201);
    expect((await appoint({ name: 'x', category: 'journalist', town: 'scjg' })).status).toBe(422);
    expect((await appoint({ name: 'x', category: 'journalist', town: 'nowhere' })).status).toBe(422);
    expect((await appoint({ name: 'x', category: 'astronaut' })).status).toBe(400);
    const backwards = await appoint({
      name: 'x',
      category: 'expert',
      termStart: `${year}-06-01`,
      termEnd: `${year}-01-01`,
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.message.zh).toContain('聘期');
    expect((await appoint({ name: 'x', category: 'expert' }, asAgency('xgz'))).status).toBe(403);
    const journalist = await appoint({ name: '林记者', category: 'journalist' });

    expect(
      (
        await http(
          'POST',
          reg(`/supervisors/${journalist.body.id}/end`),
          { reason: '本人申请辞去' },
          AS_STAFF,
        )
      ).status,
    ).toBe(201);
    expect(
      (await http('POST', reg(`/supervisors/${journalist.body.id}/end`), { reason: '再次' }, AS_STAFF))
        .status,
    ).toBe(409);

    const active = await http<{ id: string }[]>('GET', reg('/supervisors?active=true'), undefined, AS_STAFF);
    const ids = active.body.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([lawyer.body.id, deputy.body.id, otherTown.body.id]));
    expect(ids).not.toContain(journalist.body.id);
    const xgzPool = await http<{ id: string }[]>(
      'GET',
      reg('/supervisors?town=xgz&active=true'),
      undefined,
      AS_STAFF,
    );
    expect(xgzPool.body.map((s) => s.id)).toEqual([deputy.body.id]);
    // A town sees the county pool and its own, not another town's.
    const seenByTown = await http<{ id: string }[]>(
      'GET',
      reg('/supervisors?active=true'),
      undefined,
      asAgency('xgz'),
    );
    expect(seenByTown.body.map((s) => s.id)).toEqual(
      expect.arrayContaining([lawyer.body.id, deputy.body.id]),
    );
    expect(seenByTown.body.map((s) => s.id)).not.toContain(otherTown.body.id);
  });

  it('contact points: visits and surveys per agency; a contact point not visited this year is flagged', async () => {
    const register = (body: Record<string, unknown>, as = AS_STAFF) =>
      http<{ id: string } & ErrorBody>(
        'POST',
        reg('/contact-points'),
        { enterpriseKind: 'private', agency: 'sthjj', ...body },
        as,
      );
    const visited = await register({
      enterpriseName: '阳新某化工有限公司',
      creditCode: '91420222MA4F000001',
    });
    expect(visited.status).toBe(201);
    const quiet = await register({
      enterpriseName: '阳新某建材有限公司',
      creditCode: '91420222MA4F000002',
      enterpriseKind: 'above-scale',
    });
    expect((await register({ enterpriseName: '重复', creditCode: '91420222MA4F000001' })).status).toBe(409);
    expect((await register({ enterpriseName: '错号', creditCode: '123' })).status).toBe(400);
    expect(
      (await register({ enterpriseName: '无此单位', creditCode: '91420222MA4F000003', agency: 'zz' })).status,
    ).toBe(422);
    expect(
      (await register({ enterpriseName: '越权', creditCode: '91420222MA4F000004' }, asAgency('sthjj')))
        .status,
    ).toBe(403);

    const visit = await http<{ satisfaction: number }>(
      'POST',
      reg(`/contact-points/${visited.body.id}/visits`),
      {
        visitedOn: today,
        method: '走访',
        visitors: '县司法局 王晓明、李红',
        answers: [
          { question: '执法人员是否亮证执法', score: 100 },
          { question: '检查频次是否合理', score: 80 },
          { question: '对执法结果是否满意', score: 90 },
        ],
      },
      AS_STAFF,
    );
    expect(visit.status).toBe(201);
    expect(visit.body.satisfaction).toBe(90);

    const list = await http<{
      rule: { min: number; max: number; basis: string };
      items: { id: string; visitsThisYear: number; notVisited: boolean; satisfaction: number | null }[];
    }>('GET', reg('/contact-points'), undefined, asAgency('sthjj'));
    expect(list.status).toBe(200);
    expect(list.body.rule).toMatchObject({ min: 1, max: 2, basis: expect.stringContaining('四（四）8') });
    expect(list.body.items.find((i) => i.id === visited.body.id)).toMatchObject({
      visitsThisYear: 1,
      notVisited: false,
      satisfaction: 90,
    });
    expect(list.body.items.find((i) => i.id === quiet.body.id)).toMatchObject({
      visitsThisYear: 0,
      notVisited: true,
    });
    // Another agency sees none of them.
    const other = await http<{ items: { id: string }[] }>(
      'GET',
      reg('/contact-points'),
      undefined,
      asAgency('scjg'),
    );
    expect(other.body.items.map((i) => i.id)).not.toContain(visited.body.id);
    expect(
      (await http('GET', reg(`/contact-points/${visited.body.id}/visits`), undefined, asAgency('scjg')))
        .status,
    ).toBe(404);

    const satisfaction = await http<{
      agencies: { agency: string; surveys: number; satisfaction: number }[];
    }>('GET', reg('/contact-points/satisfaction'), undefined, AS_STAFF);
    expect(satisfaction.body.agencies).toContainEqual(
      expect.objectContaining({ agency: 'sthjj', surveys: 1, satisfaction: 90 }),
    );

    // A withdrawn contact point is no longer listed or visited.
    expect(
      (
        await http(
          'POST',
          reg(`/contact-points/${quiet.body.id}/withdrawal`),
          { reason: '企业已迁出本县' },
          AS_STAFF,
        )
      ).status,
    ).toBe(201);
    const after = await http<{ items: { id: string }[] }>('GET', reg('/contact-points'), undefined, AS_STAFF);
    expect(after.body.items.map((i) => i.id)).not.toContain(quiet.body.id);
    const late = await http<ErrorBody>(
      'POST',
      reg(`/contact-points/${quiet.body.id}/visits`),
      { visitedOn: today, method: '走访', visitors: '王晓明' },
      AS_STAFF,
    );
    expect(late.status).toBe(409);
    expect(late.body.message.zh).toContain('已不是企业联系点');
  });
});
