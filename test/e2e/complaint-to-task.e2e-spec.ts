import { Browser, Page } from 'playwright-core';
import { AS_STAFF, eventually, http } from '@oversight/testing';
import { startSystem, System } from '../integration/system';
import { fitsWidth, launchBrowser, newPage, screenshot, untranslated } from './browser';

/**
 * The console in a browser: a member of the public files a complaint on the public page, it reaches the
 * justice bureau clerk's task list, and the clerk decides its acceptance through the task's form.
 */
describe('console: from the public complaint form to a completed task', () => {
  let system: System;
  let browser: Browser;
  let page: Page;
  let trackingCode: string;
  let complaintId: string;
  const summary = `执法人员未出示证件即罚款（浏览器测试 ${Date.now() % 100000}）`;

  beforeAll(async () => {
    system = await startSystem({}, { DEMO_ACCOUNTS: 'true' });
    browser = await launchBrowser();
    page = await newPage(browser, system.gateway.url);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('files a complaint on the public page without logging in and gives a tracking code', async () => {
    await page.goto('/open/complaint');
    await page.getByRole('heading', { name: '行政执法投诉举报' }).waitFor();
    await page.locator('input[name=name]').fill('张三');
    await page.locator('input[name=phone]').fill('13800138000');
    await page.locator('select[name=respondentOrg] option[value=scjg]').waitFor({ state: 'attached' });
    await page.locator('select[name=respondentOrg]').selectOption('scjg');
    await page.locator('select[name=category]').selectOption('arbitrary-penalty');
    await page.locator('input[name=summary]').fill(summary);
    await page
      .locator('textarea[name=details]')
      .fill('2026年11月20日上午，两名执法人员在店内检查，未出示执法证件即开具罚单。');
    expect(await untranslated(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'public-complaint');
    await page.getByRole('button', { name: '提交投诉' }).click();

    const receipt = page.getByTestId('complaint-receipt');
    await receipt.waitFor();
    trackingCode = (await page.getByTestId('tracking-code').innerText()).trim();
    complaintId = (await receipt.getAttribute('data-complaint-id')) as string;
    expect(trackingCode).toMatch(/^[A-Z0-9-]{6,}$/);
    const stored = await http<{ summary: string; status: string }>(
      'GET',
      `${system.api}/complaints/${complaintId}`,
      undefined,
      AS_STAFF,
    );
    expect(stored.body.summary).toBe(summary);

    await page.getByRole('link', { name: '查询办理进度' }).click();
    await page.getByTestId('track-result').waitFor();
    expect(await page.getByTestId('track-result').innerText()).toContain(summary);
    expect(await untranslated(page)).toEqual([]);
    await screenshot(page, 'public-track');
  });

  it('shows the complaint in the clerk’s list of unclaimed tasks, with its business context', async () => {
    await page.goto('/tasks');
    await page.getByTestId('demo-sfj-clerk').click();
    await page.getByTestId('filter-unclaimed').waitFor();
    const row = page.locator(`[data-testid=task-row][data-business-key="${complaintId}"]`);
    await eventually(
      async () => {
        await page.getByRole('button', { name: '刷新' }).click();
        await row.waitFor({ timeout: 2000 });
        return true;
      },
      { timeoutMs: 30000, what: 'the complaint in the task list' },
    );
    expect(await row.innerText()).toContain('受理审查');
    expect(await row.locator('.deadline').getAttribute('data-level')).toMatch(/ok|soon/);

    await row.click();
    const detail = page.getByTestId('task-detail');
    await detail.getByTestId('complaint-context').waitFor();
    expect(await detail.getByTestId('complaint-summary').innerText()).toBe(summary);
    await detail.locator('.fjs-form-field').first().waitFor();
    expect(await untranslated(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'tasks');
  });

  it('lets the clerk claim the task and complete it through its form; the process moves on', async () => {
    const row = page.locator(`[data-testid=task-row][data-business-key="${complaintId}"]`);
    await row.getByTestId('claim').click();
    await page.getByRole('status').filter({ hasText: '已签收' }).waitFor();
    await page.getByTestId('filter-mine').click();
    await row.click();
    const detail = page.getByTestId('task-detail');
    await detail.getByText('受理 / Accept', { exact: true }).click();
    await detail.getByTestId('complete-task').click();
    await page.getByRole('status').filter({ hasText: '已办结' }).waitFor();

    // The engine's worker records the decision: the complaint is accepted and waits for assignment.
    await eventually(
      async () => {
        const complaint = await http<{ status: string; decision: string }>(
          'GET',
          `${system.api}/complaints/${complaintId}`,
          undefined,
          AS_STAFF,
        );
        expect(complaint.body).toMatchObject({ status: 'accepted', decision: 'accept' });
        return true;
      },
      { timeoutMs: 30000, what: 'the acceptance recorded' },
    );
    await page.getByTestId('filter-unclaimed').click();
    await eventually(
      async () => {
        await page.getByRole('button', { name: '刷新' }).click();
        await row.filter({ hasText: '交办' }).waitFor({ timeout: 2000 });
        return true;
      },
      { timeoutMs: 30000, what: 'the assignment task' },
    );
  });

  it('offers the console in English', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByRole('link', { name: 'Liaison meeting' }).waitFor();
    expect(await page.getByTestId('filter-mine').innerText()).toBe('My tasks');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('link', { name: '联席会议' }).waitFor();
  });

  it('publishes the statistics without a log-in', async () => {
    await page.goto('/open/statistics');
    await page.getByTestId('stats-kpis').waitFor();
    expect(await untranslated(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'public-statistics');
  });
});
