import fs from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { USER_TASK } from '@oversight/contracts';
import { AS_STAFF, asAgency, authenticate, engineState, eventually, http, pdfText } from '@oversight/testing';
import { startSystem, System } from '../integration/system';
import { fitsWidth, launchBrowser, newPage, screenshot, untranslated } from './browser';

/**
 * Issue 11 in the console: a supervision case walked from opening to the agency's reply and the office's
 * acceptance by the clerk, the head and the market regulator in their own browsers; an API refusal shown
 * on the page; the annual assessment computed.
 */
describe('console: supervision cases and the annual assessment', () => {
  let system: System;
  let browser: Browser;
  let clerk: Page;
  let head: Page;
  let agency: Page;
  let caseId: string;
  const subject = `某超市罚款案未经法制审核（浏览器测试 ${Date.now() % 100000}）`;

  beforeAll(async () => {
    system = await startSystem({}, { DEMO_ACCOUNTS: 'true' });
    browser = await launchBrowser();
    // One browser context each: a session lives in the context's storage.
    clerk = await newPage(browser, system.gateway.url);
    head = await newPage(browser, system.gateway.url);
    agency = await newPage(browser, system.gateway.url);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  /** Waits until the engine holds the step, so the click is not a race with the previous job. */
  async function step(taskKey: string): Promise<void> {
    try {
      await eventually(
        async () =>
          (await system.engine.listTasks({ processInstanceBusinessKey: caseId, taskDefinitionKey: taskKey }))
            .length > 0,
        { what: `${taskKey} of ${caseId}`, timeoutMs: 60000 },
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await engineState(process.env.ENGINE_URL!, caseId)}`);
    }
  }

  async function status(page: Page, text: string): Promise<void> {
    await page
      .getByTestId('case-file')
      .getByTestId('case-status')
      .filter({ hasText: text })
      .waitFor({ timeout: 60000 });
  }

  const checked = async (page: Page) => {
    expect(await untranslated(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
  };

  it('shows the new pages in the menu only to those the API admits', async () => {
    await agency.goto('/agency/supervision');
    await agency.getByTestId('demo-scjg-clerk').click();
    await agency.getByRole('heading', { name: '本单位的监督检查案件' }).waitFor();
    const nav = await agency.locator('header nav').innerText();
    expect(nav).toContain('本单位监督案件');
    expect(nav).not.toContain('监督检查案件');
    expect(nav).not.toContain('年度考核');
    await agency.goto('/registers');
    await agency.getByTestId('register-certificates').waitFor();
    expect(await agency.getByTestId('register-cleanup').count()).toBe(0);
    await agency.getByText('仅显示本单位的记录。').waitFor();
  });

  it('the clerk opens a case; the head refuses to dismiss without reasons (API message) and files it', async () => {
    await clerk.goto('/supervision');
    await clerk.getByTestId('demo-sfj-clerk').click();
    await clerk.getByRole('heading', { name: '行政执法监督检查案件' }).waitFor();
    expect(await clerk.locator('header nav').innerText()).toContain('年度考核');
    await clerk.getByTestId('open-case').click();
    const form = clerk.getByTestId('open-case-form');
    await form.locator('select[name=agencyCode] option[value=scjg]').waitFor({ state: 'attached' });
    await form.locator('select[name=source]').selectOption('complaint');
    await form.locator('input[name=sourceRef]').fill(`E2E-${Date.now()}`);
    await form.locator('select[name=agencyCode]').selectOption('scjg');
    await form.locator('input[name=subject]').fill(subject);
    await form
      .locator('textarea[name=facts]')
      .fill('投诉人反映：县市场监督管理局对某超市作出罚款决定前未经法制审核，也未告知陈述申辩权利。');
    await form.getByRole('button', { name: '登记并报立案审批' }).click();
    await clerk.getByTestId('case-file').waitFor();
    caseId = clerk.url().split('/').pop()!;
    await status(clerk, '立案审批');
    expect(await clerk.getByTestId('case-facts').innerText()).toContain('未经法制审核');
    await clerk.getByText('本环节由负责人审批。').waitFor();
    expect(await clerk.getByTestId('case-deadlines').innerText()).toContain('立案审批');
    await checked(clerk);

    // The list shows it with its deadline colour (within 7 working days: green).
    await clerk.goto('/supervision?agency=scjg&status=filing-review');
    const row = clerk.locator(`[data-testid=case-row][data-case-id="${caseId}"]`);
    await row.waitFor();
    expect(await row.locator('.deadline').getAttribute('data-level')).toBe('ok');
    await checked(clerk);

    await step(USER_TASK.approveSupervisionFiling);
    await head.goto(`/supervision/${caseId}`);
    await head.getByTestId('demo-sfj-head').click();
    const filing = head.getByTestId('filing-form');
    await filing.getByLabel('不予立案', { exact: true }).check();
    await filing.getByRole('button', { name: '提交' }).click();
    // The service's 422, in Chinese, under the form; nothing changed.
    await expect(filing.getByTestId('api-error').innerText()).resolves.toContain('请填写不予立案的理由');
    await checked(head);
    // The same refusal in English, as the service words it; then back to Chinese.
    await head.getByTestId('lang-switch').click();
    await expect(filing.getByTestId('api-error').innerText()).resolves.toContain(
      'Please give the reasons for dismissal',
    );
    expect(await filing.innerText()).toContain('Filing approval');
    await head.getByTestId('lang-switch').click();
    await filing.getByLabel('批准立案', { exact: true }).check();
    await filing.getByRole('button', { name: '提交' }).click();
    await status(head, '调查');
  });

  it('the clerk records the findings (a fault without its instrument is refused), the head approves', async () => {
    await step(USER_TASK.investigateSupervisionCase);
    await clerk.goto(`/supervision/${caseId}`);
    const inv = clerk.getByTestId('investigation-form');
    await inv
      .locator('textarea[name=findings]')
      .fill('该局罚款决定未履行法制审核程序，且未告知当事人陈述申辩权利。');
    await inv.locator('select[name=proposal]').selectOption('fault');
    await inv
      .locator('textarea[name=proposedHandling]')
      .fill('责令该局撤销原处罚决定，重新履行法制审核和告知程序。');
    await inv.getByRole('button', { name: '调查终结，报处理审批' }).click();
    await expect(inv.getByTestId('api-error').innerText()).resolves.toContain('认定存在执法过错的，须填写');
    await inv.locator('select[name=instrument]').selectOption('suggestion');
    await inv
      .locator('textarea[name=requirements]')
      .fill('一、撤销原处罚决定并重新作出；二、开展法制审核制度专项培训。');
    await inv.locator('input[name=rectificationDays]').fill('20');
    await inv.getByRole('button', { name: '调查终结，报处理审批' }).click();
    await status(clerk, '处理审批');

    await step(USER_TASK.approveSupervisionHandling);
    await head.goto(`/supervision/${caseId}`);
    const handling = head.getByTestId('handling-form');
    await handling.getByLabel('同意处理意见', { exact: true }).check();
    await handling.locator('textarea[name=opinion]').fill('同意。');
    await handling.getByRole('button', { name: '提交' }).click();
    await status(head, '整改');
    await head.getByTestId('document-suggestion').waitFor();

    // The 建议书 downloads as a PDF naming the agency and the requirements.
    const [download] = await Promise.all([
      head.waitForEvent('download'),
      head.getByTestId('document-suggestion').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/建议书\.pdf$/);
    const text = (await pdfText(fs.readFileSync((await download.path())!))).replace(/\s+/g, '');
    expect(text).toContain('县市场监督管理局');
    expect(text).toContain('撤销原处罚决定并重新作出');
  });

  it('the agency replies; the office rejects round 1, the agency replies again, the office accepts', async () => {
    await step(USER_TASK.rectifySupervisionFindings);
    await agency.goto('/agency/supervision');
    await agency
      .getByRole('link', { name: /阳司监立/ })
      .first()
      .waitFor();
    await agency.goto(`/agency/supervision/${caseId}`);
    expect(await agency.getByTestId('agency-requirements').innerText()).toContain('专项培训');
    await agency.getByTestId('document-decision-notice').waitFor();
    const reply = agency.getByTestId('reply-form');
    await reply
      .locator('textarea[name=report]')
      .fill('已撤销原处罚决定，重新履行法制审核和告知程序后作出决定。');
    await reply
      .locator('textarea[name=measures]')
      .fill('于12月组织全局执法人员开展重大执法决定法制审核制度专项培训。');
    await checked(agency);
    await reply.getByRole('button', { name: '报送' }).click();
    await agency.getByText('本轮整改情况已报送，等待县司法局审查。').waitFor();

    await step(USER_TASK.reviewSupervisionRectification);
    await clerk.goto(`/supervision/${caseId}`);
    expect(await clerk.getByTestId('case-rounds').innerText()).toContain('已撤销原处罚决定');
    // First round not good enough: rejected with reasons, a second round of 10 days.
    const reject = clerk.getByTestId('review-form');
    await reject.getByLabel('不予认可，再次整改', { exact: true }).check();
    await reject.locator('textarea[name=opinion]').fill('未提供重新作出的处罚决定书，请补充。');
    await reject.locator('input[name=rectificationDays]').fill('10');
    await reject.getByRole('button', { name: '提交' }).click();
    await clerk.getByText('等待被监督单位报送整改情况。').waitFor({ timeout: 60000 });

    await step(USER_TASK.rectifySupervisionFindings);
    await agency.goto(`/agency/supervision/${caseId}`);
    expect(await agency.getByTestId('case-rounds').innerText()).toContain('未提供重新作出的处罚决定书');
    const again = agency.getByTestId('reply-form');
    await again.locator('textarea[name=report]').fill('已补充重新作出的处罚决定书（阳市监罚〔2026〕88号）。');
    await again.locator('textarea[name=measures]').fill('建立重大执法决定法制审核台账。');
    await again.getByRole('button', { name: '报送' }).click();
    await agency.getByText('本轮整改情况已报送，等待县司法局审查。').waitFor();

    await step(USER_TASK.reviewSupervisionRectification);
    await clerk.goto(`/supervision/${caseId}`);
    const review = clerk.getByTestId('review-form');
    await review.getByText('审查第2轮整改情况').waitFor();
    await review.getByLabel('予以认可，结案', { exact: true }).check();
    await review.getByRole('button', { name: '提交' }).click();
    await status(clerk, '已结案');
    await status(clerk, '已纠正');
    const history = await clerk.getByTestId('case-history').innerText();
    expect(history).toContain('报送第1轮整改情况');
    expect(history).toContain('报送第2轮整改情况');
    expect(history).toContain('予以认可');
    await checked(clerk);
    await screenshot(clerk, 'supervision-case');

    const stored = await http<{ status: string; result: string }>(
      'GET',
      `${system.api}/supervision-cases/${caseId}`,
      undefined,
      AS_STAFF,
    );
    expect(stored.body).toMatchObject({ status: 'closed', result: 'corrected' });
  });

  it('the assessment page: weights refused with the API message, a run computed and ranked', async () => {
    await head.goto('/assessment');
    await head.getByTestId('indicator-table').getByText('按时办结率').waitFor();
    const weight = head.getByTestId('weight-on-time-rate');
    await head.waitForFunction(
      () => (document.querySelector('[data-testid=weight-on-time-rate]') as HTMLInputElement)?.value !== '',
    );
    await weight.fill(String(Number(await weight.inputValue()) + 10));
    await head.getByTestId('save-weights').click();
    await expect(head.getByTestId('api-error').first().innerText()).resolves.toContain('合计应为100');
    await checked(head);

    await clerk.goto('/assessment');
    const year = new Date().getFullYear();
    const before = (
      await http<{ items: unknown[] }>('GET', `${system.api}/assessments/${year}/runs`, undefined, AS_STAFF)
    ).body.items.length;
    await clerk.getByTestId('compute').click();
    const scjg = clerk.locator('[data-testid=ranking-row][data-unit=scjg]');
    await scjg.waitFor();
    expect(await scjg.innerText()).toContain('县市场监督管理局');
    expect(await clerk.getByTestId('ranking-table').innerText()).toContain('无数据');
    expect(await clerk.getByTestId('run-status').innerText()).toContain(`第${before + 1}次计算`);
    await checked(clerk);
    await clerk
      .getByTestId('ranking-table')
      .evaluate((table) => table.closest('section')!.scrollIntoView({ block: 'start' }));
    await screenshot(clerk, 'assessment');
    const after = (
      await http<{ items: unknown[] }>('GET', `${system.api}/assessments/${year}/runs`, undefined, AS_STAFF)
    ).body.items.length;
    expect(after).toBe(before + 1);

    const [ledger] = await Promise.all([
      clerk.waitForEvent('download'),
      clerk.getByTestId('download-ledger').click(),
    ]);
    expect(ledger.suggestedFilename()).toMatch(/\.xlsx$/);

    // The head publishes the new run (superseding, with a reason, a run another test may have published).
    await head.goto('/assessment');
    await head
      .getByTestId('run-status')
      .filter({ hasText: `第${before + 1}次计算` })
      .waitFor();
    await head.getByTestId('publish').click();
    const outcome = head
      .getByTestId('run-status')
      .filter({ hasText: '已发布' })
      .or(head.getByTestId('api-error'));
    await outcome.first().waitFor();
    if (await head.getByTestId('api-error').first().isVisible()) {
      expect(await head.getByTestId('api-error').first().innerText()).toContain('替代已发布结果');
      await head.getByLabel('替代理由').fill('补录案卷评查结果后重新计算（浏览器测试）');
      await head.getByRole('button', { name: '替代已发布结果' }).click();
    }
    await head.getByTestId('run-status').filter({ hasText: '已发布' }).waitFor();
    const published = await http<{ items: { seq: number; status: string }[] }>(
      'GET',
      `${system.api}/assessments/${year}/runs`,
      undefined,
      AS_STAFF,
    );
    expect(published.body.items.find((r) => r.seq === before + 1)?.status).toBe('published');
  });

  it('the registers: a certificate suspended (API refusal shown), the clean-up, training check, supervisors', async () => {
    // A supervisor in the county pool, registered through the API, shows in the pool.
    const name = `陈律师${Date.now() % 10000}`;
    const created = await http(
      'POST',
      `${system.api}/registers/supervisors`,
      {
        name,
        category: 'lawyer',
        affiliation: '湖北某律师事务所',
        termStart: `${new Date().getFullYear()}-01-01`,
        termEnd: `${new Date().getFullYear() + 2}-12-31`,
      },
      AS_STAFF,
    );
    expect(created.status).toBe(201);
    // An officer of the market regulator with staffing proof and a certificate, through the API.
    const officer = await http<{ id: string }>(
      'POST',
      `${system.api}/registers/people`,
      { name: `赵执法${Date.now() % 10000}`, kind: 'officer', post: '执法岗', staffingType: '行政编制' },
      asAgency('scjg'),
    );
    expect(officer.status).toBe(201);
    const proof = new FormData();
    proof.append(
      'file',
      new Blob([Buffer.from('%PDF-1.4\n%staffing proof\n', 'latin1')], { type: 'application/pdf' }),
      '编制证明.pdf',
    );
    const uploaded = await fetch(`${system.api}/registers/people/${officer.body.id}/staffing-proof`, {
      method: 'POST',
      body: proof,
      headers: authenticate(asAgency('scjg')),
    });
    expect(uploaded.status).toBe(201);
    const issued = await http<{ number: string }>(
      'POST',
      `${system.api}/registers/people/${officer.body.id}/certificate`,
      {},
      AS_STAFF,
    );
    expect(issued.status).toBe(201);

    await clerk.goto('/registers');
    await clerk.getByRole('heading', { name: '登记簿' }).waitFor();
    // The bureau suspends it: without a basis the service refuses (its message shown), then it is done.
    await clerk.getByTestId(`decide-${issued.body.number}`).selectOption('suspend');
    const decision = clerk.getByTestId('certificate-decision');
    await decision.locator('input[name=reason]').fill('涉嫌违法执法，暂扣待查');
    await decision.getByRole('button', { name: '提交' }).click();
    await expect(decision.getByTestId('api-error').innerText()).resolves.toContain('依据');
    await decision.locator('input[name=basis]').fill('《湖北省行政执法证件管理办法》');
    await decision.getByRole('button', { name: '提交' }).click();
    const row = clerk.getByTestId('certificate-table').locator('tr', { hasText: issued.body.number });
    await row.locator('strong.bad', { hasText: '暂扣' }).waitFor();
    const suspended = await http<{ number: string }[]>(
      'GET',
      `${system.api}/registers/certificates?status=suspended`,
      undefined,
      AS_STAFF,
    );
    expect(suspended.body.map((c) => c.number)).toContain(issued.body.number);
    await checked(clerk);
    await clerk.getByTestId('register-cleanup').click();
    await clerk.locator('[data-testid=cleanup-table], .empty').first().waitFor();
    await checked(clerk);
    await clerk.getByTestId('register-training').click();
    await clerk.getByText(/执法人员每年不少于/).waitFor();
    await checked(clerk);
    await clerk.getByTestId('register-supervisors').click();
    await clerk.getByTestId('supervisor-table').getByText(name).waitFor();
    expect(await clerk.getByTestId('supervisor-table').innerText()).toContain('县级监督员库');
    await checked(clerk);
  });
});
