import { Workbook } from 'exceljs';
import { TOPIC } from '@oversight/contracts';
import {
  AS_REVIEWER,
  AS_STAFF,
  asAgency,
  asStaff,
  authenticate,
  eventually,
  http,
  pdfText,
} from '@oversight/testing';
import { DEFAULT_REVIEW_STANDARD } from '../../apps/justice-bureau/src/case-file-review/case-file-review-standard';
import { Services, startServices } from './services';

/**
 * A cross review (交叉评查, plan 四（四）3) through the gateway on real PostgreSQL and Kafka: three agencies
 * submit files (the office draws one more), staff of other agencies and of the bureau review them —
 * never their own organisation's —, the office closes the round: results per agency, the ledger and the
 * report, the assessment input, and a supervision case asked for the failing file; then a reviewed file
 * becomes a guiding case on the public list, without personal data.
 */

type ErrorBody = { message: { zh: string; en: string } };
interface FileView {
  id: string;
  agencyCode: string;
  caseNumber: string;
  total: number | null;
  grade: string | null;
}

const YEAR = 2031;
const PDF = Buffer.from('%PDF-1.4\n%case file\n', 'latin1');
const STANDARD = DEFAULT_REVIEW_STANDARD.items;
const run = Date.now().toString(36);

/** Scores every item at full weight except the deductions given (item code → points lost, finding). */
const sheet = (reviewerId: string, lost: Record<string, [number, string]> = {}) => ({
  reviewerId,
  items: STANDARD.map((i) => ({
    code: i.code,
    score: i.weight - (lost[i.code]?.[0] ?? 0),
    finding: lost[i.code]?.[1] ?? '',
  })),
});

describe('case-file review: a cross review round', () => {
  let system: Services;

  beforeAll(async () => {
    system = await startServices(['justice-bureau']);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const api = (path: string) => `${system.api}${path}`;

  async function upload(
    path: string,
    who: Record<string, string>,
    fields: Record<string, string>,
    content: Buffer = PDF,
    type = 'application/pdf',
  ): Promise<{ status: number; body: FileView & ErrorBody }> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(content)], { type }), `${fields.caseNumber}-案卷.pdf`);
    const response = await fetch(api(path), { method: 'POST', body: form, headers: authenticate(who) });
    return { status: response.status, body: (await response.json()) as FileView & ErrorBody };
  }

  const fileFields = (caseNumber: string, title: string) => ({
    caseNumber,
    caseKind: '行政处罚',
    title,
    decisionDate: `${YEAR}-03-15`,
  });

  it('runs a cross review from the files to the results, the report, supervision and a guiding case', async () => {
    // Only the bureau opens rounds; the agencies must exist and be enforcement agencies.
    const round = { kind: 'cross', year: YEAR, agencies: ['scjg', 'cgj', 'zjj'] };
    expect((await http('POST', api('/case-file-reviews'), round, asAgency('scjg'))).status).toBe(403);
    const unknown = await http<ErrorBody>(
      'POST',
      api('/case-file-reviews'),
      { ...round, agencies: ['scjg', 'nope'] },
      AS_STAFF,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.message.zh).toContain('nope');
    expect(
      (
        await http(
          'POST',
          api('/case-file-reviews'),
          { ...round, passMark: 95, excellenceMark: 90 },
          AS_STAFF,
        )
      ).status,
    ).toBe(422);
    const opened = await http<{ id: string; title: string; standard: typeof DEFAULT_REVIEW_STANDARD }>(
      'POST',
      api('/case-file-reviews'),
      round,
      AS_STAFF,
    );
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    expect(opened.body.title).toBe(`${YEAR}年度行政执法案卷交叉评查`);
    expect(opened.body.standard.items.map((i) => [i.code, i.weight])).toEqual(
      STANDARD.map((i) => [i.code, i.weight]),
    );
    expect([opened.body.standard.passMark, opened.body.standard.excellenceMark]).toEqual([70, 90]);

    // Agencies submit their files; the office draws one more of 县住建局.
    const files: Record<string, FileView> = {};
    for (const [org, n, title] of [
      ['scjg', 1, '某超市销售过期食品案'],
      ['scjg', 2, '某公司虚假宣传案'],
      ['cgj', 1, '某商户占道经营案'],
      ['zjj', 1, '某工地未批先建案'],
    ] as const) {
      const cn = `阳${org}罚〔${YEAR}〕${n}号-${run}`;
      const res = await upload(`/agency/case-file-reviews/${id}/files`, asAgency(org), fileFields(cn, title));
      expect(res.status).toBe(201);
      files[`${org}${n}`] = res.body;
    }
    const drawn = await upload(`/case-file-reviews/${id}/files`, AS_STAFF, {
      ...fileFields(`阳zjj罚〔${YEAR}〕9号-${run}`, '某小区违规装修案'),
      agencyCode: 'zjj',
    });
    expect(drawn.status).toBe(201);
    files.zjj9 = drawn.body;

    const again = await upload(
      `/agency/case-file-reviews/${id}/files`,
      asAgency('cgj'),
      fileFields(files.cgj1.caseNumber, 'x'),
    );
    expect(again.status).toBe(409);
    const badDay = await upload(`/agency/case-file-reviews/${id}/files`, asAgency('cgj'), {
      ...fileFields(`bad-day-${run}`, 'x'),
      decisionDate: `${YEAR}-02-30`,
    });
    expect(badDay.status).toBe(400);
    const notPdf = await upload(
      `/agency/case-file-reviews/${id}/files`,
      asAgency('cgj'),
      fileFields(`exe-${run}`, 'x'),
      Buffer.from('MZ not a pdf'),
    );
    expect(notPdf.status).toBe(422);
    expect(
      (await upload(`/agency/case-file-reviews/${id}/files`, asAgency('jyj'), fileFields(`x-${run}`, 'x')))
        .status,
    ).toBe(404);
    expect((await http('GET', api(`/case-file-reviews/${id}`), undefined, asAgency('scjg'))).status).toBe(
      403,
    );

    // Reviewers: 城管 staff review 市场监管 and 住建 files, 市场监管 staff review 城管's, a bureau reviewer
    // the drawn file. Nobody reviews their own organisation's files.
    const CGJ_REVIEWER = asStaff('cgj', 'clerk', `cgj-reviewer-${run}`);
    const SCJG_REVIEWER = asStaff('scjg', 'clerk', `scjg-reviewer-${run}`);
    const own = await http<ErrorBody>(
      'POST',
      api(`/case-file-reviews/${id}/reviewers`),
      {
        kind: 'agency',
        name: '马超',
        userId: SCJG_REVIEWER['x-oversight-user'],
        orgCode: 'scjg',
        fileIds: [files.cgj1.id, files.scjg2.id],
      },
      AS_STAFF,
    );
    expect(own.status).toBe(422);
    expect(own.body.message.zh).toContain('不得评查本单位的案卷');
    const assign = async (body: Record<string, unknown>) => {
      const res = await http<{ id: string; fileIds: string[] }>(
        'POST',
        api(`/case-file-reviews/${id}/reviewers`),
        body,
        AS_STAFF,
      );
      expect(res.status).toBe(201);
      return res.body;
    };
    const cgjReviewer = await assign({
      kind: 'agency',
      name: '林涛',
      userId: CGJ_REVIEWER['x-oversight-user'],
      orgCode: 'cgj',
      fileIds: [files.scjg1.id, files.scjg2.id, files.zjj1.id],
    });
    const scjgReviewer = await assign({
      kind: 'agency',
      name: '马超',
      userId: SCJG_REVIEWER['x-oversight-user'],
      orgCode: 'scjg',
      fileIds: [files.cgj1.id],
    });
    const bureauReviewer = await assign({
      kind: 'bureau',
      name: '张审核',
      userId: AS_REVIEWER['x-oversight-user'],
      fileIds: [files.zjj9.id],
    });
    expect(cgjReviewer.fileIds.sort()).toEqual([files.scjg1.id, files.scjg2.id, files.zjj1.id].sort());

    // The reviewer sees what to review and can read the file; another agency cannot.
    const desk = await http<{ rounds: { id: string; files: FileView[] }[]; toReview: { id: string }[] }>(
      'GET',
      api('/agency/case-file-reviews'),
      undefined,
      CGJ_REVIEWER,
    );
    expect(desk.body.toReview.map((f) => f.id).sort()).toEqual(cgjReviewer.fileIds.sort());
    // …and, as an agency of the round, its own file only.
    expect(desk.body.rounds.find((r) => r.id === id)?.files.map((f) => f.id)).toEqual([files.cgj1.id]);
    const content = await fetch(api(`/case-file-reviews/${id}/files/${files.scjg1.id}/content`), {
      headers: authenticate(CGJ_REVIEWER),
    });
    expect(content.status).toBe(200);
    expect(Buffer.from(await content.arrayBuffer()).equals(PDF)).toBe(true);
    const foreign = await fetch(api(`/case-file-reviews/${id}/files/${files.scjg1.id}/content`), {
      headers: authenticate(asAgency('jyj')),
    });
    expect(foreign.status).toBe(404);

    // Scores: out of range, missing items, someone else's sheet are refused; nothing is stored.
    const scoreUrl = (fileId: string) => api(`/case-file-reviews/${id}/files/${fileId}/scores`);
    const tooHigh = sheet(cgjReviewer.id);
    tooHigh.items[3].score = 25;
    const high = await http<ErrorBody>('POST', scoreUrl(files.scjg1.id), tooHigh, CGJ_REVIEWER);
    expect(high.status).toBe(422);
    expect(high.body.message.zh).toContain('执法程序');
    const partial = sheet(cgjReviewer.id);
    partial.items = partial.items.slice(1);
    const missing = await http<ErrorBody>('POST', scoreUrl(files.scjg1.id), partial, CGJ_REVIEWER);
    expect(missing.status).toBe(422);
    expect(missing.body.message.zh).toContain('未评分');
    const silent = sheet(cgjReviewer.id, { filing: [2, ''] });
    const reasonless = await http<ErrorBody>('POST', scoreUrl(files.scjg1.id), silent, CGJ_REVIEWER);
    expect(reasonless.status).toBe(422);
    expect(reasonless.body.message.zh).toContain('须写明评查意见');
    expect((await http('POST', scoreUrl(files.scjg1.id), sheet(cgjReviewer.id), SCJG_REVIEWER)).status).toBe(
      403,
    );
    expect((await http('POST', scoreUrl(files.cgj1.id), sheet(cgjReviewer.id), CGJ_REVIEWER)).status).toBe(
      422,
    );

    const score = async (fileId: string, who: Record<string, string>, body: ReturnType<typeof sheet>) => {
      const res = await http<{ total: number; grade: string }>('POST', scoreUrl(fileId), body, who);
      expect(res.status).toBe(201);
      return res.body;
    };
    expect(
      await score(files.scjg1.id, CGJ_REVIEWER, sheet(cgjReviewer.id, { documents: [5, '文书签章不全'] })),
    ).toMatchObject({ total: 95, grade: 'excellent' });
    expect(
      await score(
        files.scjg2.id,
        CGJ_REVIEWER,
        sheet(cgjReviewer.id, { procedure: [10, '未告知陈述申辩权'], discretion: [10, '未说明裁量理由'] }),
      ),
    ).toMatchObject({ total: 80, grade: 'pass' });
    expect(
      await score(
        files.zjj1.id,
        CGJ_REVIEWER,
        sheet(cgjReviewer.id, {
          procedure: [20, '未经法制审核即作出决定'],
          evidence: [15, '现场检查笔录缺失'],
          discretion: [10, '罚款超出裁量基准'],
        }),
      ),
    ).toMatchObject({ total: 55, grade: 'fail' });
    expect(
      await score(
        files.cgj1.id,
        SCJG_REVIEWER,
        sheet(scjgReviewer.id, {
          evidence: [10, '照片未注明拍摄时间'],
          filing: [5, '未按期归档'],
          facts: [10, '违法事实表述不清'],
        }),
      ),
    ).toMatchObject({ total: 75, grade: 'pass' });
    expect((await http('POST', scoreUrl(files.zjj1.id), sheet(cgjReviewer.id), CGJ_REVIEWER)).status).toBe(
      409,
    );

    // Not every file is scored yet: the round cannot close.
    const early = await http<ErrorBody>('POST', api(`/case-file-reviews/${id}/close`), undefined, AS_STAFF);
    expect(early.status).toBe(422);
    expect(early.body.message.zh).toContain(files.zjj9.caseNumber);
    await score(
      files.zjj9.id,
      AS_REVIEWER,
      sheet(bureauReviewer.id, {
        procedure: [8, '送达超期'],
        documents: [10, '文书不规范'],
        filing: [5, '未归档'],
        law: [5, '引用条款不完整'],
      }),
    );

    // Close: per-agency results.
    const closed = await http<{
      status: string;
      agencies: {
        agencyCode: string;
        fileCount: number;
        average: number;
        grade: string;
        grades: Record<string, number>;
        problems: { code: string; files: number }[];
      }[];
    }>('POST', api(`/case-file-reviews/${id}/close`), undefined, AS_STAFF);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(
      closed.body.agencies.map((a) => [a.agencyCode, a.fileCount, a.average, a.grade, a.grades]),
    ).toEqual([
      ['scjg', 2, 87.5, 'pass', { excellent: 1, pass: 1, fail: 0 }],
      ['cgj', 1, 75, 'pass', { excellent: 0, pass: 1, fail: 0 }],
      ['zjj', 2, 63.5, 'fail', { excellent: 0, pass: 1, fail: 1 }],
    ]);
    const zjjProblems = closed.body.agencies.find((a) => a.agencyCode === 'zjj')!.problems;
    expect(zjjProblems.find((p) => p.code === 'procedure')?.files).toBe(2);
    expect((await http('POST', api(`/case-file-reviews/${id}/close`), undefined, AS_STAFF)).status).toBe(409);
    expect(
      (await upload(`/agency/case-file-reviews/${id}/files`, asAgency('cgj'), fileFields(`late-${run}`, 'x')))
        .status,
    ).toBe(409);

    // One assessment row per agency, the average as its score.
    const db = system.db('justice-bureau');
    const rows: { unit_code: string; result: string; score: string; outcome: string }[] = await db.query(
      `SELECT unit_code, result, score, outcome FROM justice_bureau.assessment_input
        WHERE source = 'case-file-review' AND source_ref = $1 ORDER BY unit_code`,
      [id],
    );
    expect(rows.map((r) => [r.unit_code, r.result, Number(r.score)])).toEqual([
      ['cgj', 'pass', 75],
      ['scjg', 'pass', 87.5],
      ['zjj', 'fail', 63.5],
    ]);
    expect(rows[2].outcome).toContain('不合格1件');

    // The failing file asks for a supervision case, once, and the relay puts it on Kafka.
    const requests = await eventually(
      async () => {
        const found: { envelope: { data: Record<string, string> }; published_at: Date | null }[] =
          await db.query(
            `SELECT envelope, published_at FROM justice_bureau.outbox_message WHERE topic = $1 AND message_key = ANY($2)`,
            [TOPIC.supervisionCaseRequested, Object.values(files).map((f) => f.id)],
          );
        return found.length === 1 && found[0].published_at !== null && found;
      },
      { what: 'the supervision request published', timeoutMs: 60_000 },
    );
    expect(requests[0].envelope.data).toMatchObject({
      source: 'case-file-review',
      sourceRef: files.zjj1.id,
      requestedBy: 'sfj',
      agencyCode: 'zjj',
    });
    expect(requests[0].envelope.data.facts).toContain('未经法制审核即作出决定');

    // The ledger reads back: agencies, files, and a line per item per sheet.
    const ledger = await fetch(api(`/case-file-reviews/${id}/ledger`), { headers: authenticate(AS_STAFF) });
    expect(ledger.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(await ledger.arrayBuffer()) as unknown as ArrayBuffer);
    const summary: string[] = [];
    workbook.getWorksheet('单位汇总')?.eachRow((row, n) => {
      if (n > 2) summary.push([1, 2, 3, 4, 7].map((c) => String(row.getCell(c).value)).join(':'));
    });
    expect(summary).toEqual([
      '县市场监督管理局:2:87.5:合格:0',
      '县城管执法局:1:75:合格:0',
      '县住建局:2:63.5:不合格:1',
    ]);
    expect(workbook.getWorksheet('案卷明细')?.rowCount).toBe(2 + 5);
    expect(workbook.getWorksheet('评分明细')?.rowCount).toBe(2 + 5 * STANDARD.length);

    // The report (PDF, Chinese) by content.
    const pdf = await fetch(api(`/case-file-reviews/${id}/report`), { headers: authenticate(AS_STAFF) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, '');
    for (const expected of [
      `关于${YEAR}年度行政执法案卷交叉评查情况的报告`,
      '本次评查为交叉评查，共有3个单位参评，评查案卷5件，评查人员3名',
      '合格分数线70分，优秀分数线90分',
      '平均得分75.4分，其中优秀1件、合格3件、不合格1件',
      '执法程序方面：3件案卷存在扣分',
      `对评查不合格的1件案卷（县住建局阳zjj罚〔${YEAR}〕1号-${run}）依法启动行政执法监督程序`,
    ]) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }

    // A reviewed file becomes a guiding case, published without personal data.
    const guiding = {
      title: `超市销售过期食品案（${run}）`,
      summary: `当事人张三丰（电话13912345678）经营的超市销售过期食品，案号${files.scjg1.caseNumber}。`,
      lesson: '执法程序规范、证据充分，裁量适当，可供同类案件参照。张三丰已整改。',
      partyNames: ['张三丰'],
    };
    expect(
      (
        await http(
          'POST',
          api(`/case-file-reviews/${id}/files/${files.scjg1.id}/guiding-case`),
          guiding,
          asAgency('scjg'),
        )
      ).status,
    ).toBe(403);
    const published = await http(
      'POST',
      api(`/case-file-reviews/${id}/files/${files.scjg1.id}/guiding-case`),
      guiding,
      AS_STAFF,
    );
    expect(published.status).toBe(201);
    expect(
      (
        await http(
          'POST',
          api(`/case-file-reviews/${id}/files/${files.scjg1.id}/guiding-case`),
          guiding,
          AS_STAFF,
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await http(
          'POST',
          api(`/case-file-reviews/${id}/files/00000000-0000-4000-8000-000000000000/guiding-case`),
          guiding,
          AS_STAFF,
        )
      ).status,
    ).toBe(404);
    const list = await http<{
      items: { title: string; summary: string; lesson: string; agency: string; grade: string }[];
    }>('GET', api('/public/guiding-cases?limit=200'));
    expect(list.status).toBe(200);
    const mine = list.body.items.find((c) => c.title === guiding.title);
    expect(mine).toMatchObject({ agency: '县市场监督管理局', grade: '优秀' });
    const shown = JSON.stringify(mine);
    for (const hidden of ['张三丰', '13912345678', files.scjg1.caseNumber])
      expect(shown).not.toContain(hidden);
    expect(mine!.summary).toContain('张某');
  });
  it('takes a third-party expert’s scores from the office, and no agency reviewers outside a cross review', async () => {
    const opened = await http<{ id: string }>(
      'POST',
      api('/case-file-reviews'),
      {
        kind: 'third-party',
        year: YEAR,
        agencies: ['jtj'],
        items: [
          { code: 'procedure', title: '执法程序', weight: 60, checks: '程序合法' },
          { code: 'law', title: '法律适用', weight: 40, checks: '适用法律准确' },
        ],
        passMark: 60,
        excellenceMark: 85,
      },
      AS_STAFF,
    );
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    const file = await upload(
      `/agency/case-file-reviews/${id}/files`,
      asAgency('jtj'),
      fileFields(`jtj-${run}`, '某车辆超限运输案'),
    );
    expect(file.status).toBe(201);
    const agencyReviewer = await http<ErrorBody>(
      'POST',
      api(`/case-file-reviews/${id}/reviewers`),
      { kind: 'agency', name: '林涛', userId: 'cgj-clerk', orgCode: 'cgj', fileIds: [file.body.id] },
      AS_STAFF,
    );
    expect(agencyReviewer.status).toBe(422);
    expect(agencyReviewer.body.message.zh).toContain('交叉评查');
    const expert = await http<{ id: string }>(
      'POST',
      api(`/case-file-reviews/${id}/reviewers`),
      { kind: 'expert', name: '周律师', affiliation: '湖北某律师事务所', fileIds: [file.body.id] },
      AS_STAFF,
    );
    expect(expert.status).toBe(201);
    const items = [
      { code: 'procedure', score: 50, finding: '听证告知书未载明期限' },
      { code: 'law', score: 40 },
    ];
    // The expert has no account: the agency cannot enter the scores, the bureau does.
    expect(
      (
        await http(
          'POST',
          api(`/case-file-reviews/${id}/files/${file.body.id}/scores`),
          { reviewerId: expert.body.id, items },
          asAgency('jtj'),
        )
      ).status,
    ).toBe(403);
    const scored = await http<{ total: number; grade: string }>(
      'POST',
      api(`/case-file-reviews/${id}/files/${file.body.id}/scores`),
      { reviewerId: expert.body.id, items },
      AS_STAFF,
    );
    expect(scored.status).toBe(201);
    expect(scored.body).toMatchObject({ total: 90, grade: 'excellent' });
    const closed = await http<{ agencies: { agencyCode: string; average: number; grade: string }[] }>(
      'POST',
      api(`/case-file-reviews/${id}/close`),
      undefined,
      AS_STAFF,
    );
    expect(closed.body.agencies).toEqual([
      expect.objectContaining({ agencyCode: 'jtj', average: 90, grade: 'excellent' }),
    ]);
    const pdf = await fetch(api(`/case-file-reviews/${id}/report`), { headers: authenticate(AS_STAFF) });
    const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, '');
    expect(text).toContain(
      '本次评查为第三方评查，共有1个单位参评，评查案卷1件，评查人员1名（其中第三方专家1名）',
    );
    expect(text).toContain('本次评查无不合格案卷');
  });
});
