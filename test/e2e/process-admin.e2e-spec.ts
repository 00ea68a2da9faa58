import { Browser, Page } from 'playwright-core';
import { AS_STAFF, eventually, http } from '@oversight/testing';
import { startSystem, System } from '../integration/system';
import { fitsWidth, launchBrowser, newPage, screenshot, untranslated } from './browser';

const KEY = 'justice-bureau-complaint-handling';
const RENAMED = '受理审查（初审）';

/**
 * A process administrator changes the complaint process in the console's modeler, sees it lint clean,
 * deploys it, and the next complaint's process follows the new version; the version's page shows where
 * the new instance stands.
 */
describe('console: editing and deploying a BPMN change', () => {
  let system: System;
  let browser: Browser;
  let page: Page;
  let before: number;

  beforeAll(async () => {
    system = await startSystem({}, { DEMO_ACCOUNTS: 'true' });
    browser = await launchBrowser();
    page = await newPage(browser, system.gateway.url);
    const [latest] = await system.engine.processDefinitions(KEY, true);
    before = latest.version;
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('edits a user task in the modeler, lint clean, and deploys it as a new engine version', async () => {
    await page.goto('/admin/processes');
    await page.getByTestId('demo-sfj-process-admin').click();
    await page.getByTestId(`model-${KEY}`).click();
    const shape = page.locator('[data-testid=modeler] [data-element-id="acceptance-review"]').first();
    await shape.waitFor();
    await page.getByTestId('lint-summary').filter({ hasText: '0 个错误' }).waitFor();
    await shape.click();
    const name = page.locator('#bio-properties-panel-name');
    const general = page.locator('[data-group-id="group-general"] .bio-properties-panel-group-header');
    await general.waitFor();
    if (!(await name.isVisible())) await general.click();
    await name.waitFor();
    await name.fill(RENAMED);
    await page.waitForTimeout(500); // the properties panel applies edits after a short debounce
    expect(await untranslated(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'process-admin');
    await page.getByTestId('deploy-model').click();
    await page.getByRole('status').filter({ hasText: '已部署' }).waitFor();

    const [latest] = await system.engine.processDefinitions(KEY, true);
    expect(latest.version).toBe(before + 1);
    expect(await system.engine.processDefinitionXml(latest.id)).toContain(`name="${RENAMED}"`);
  });

  it('runs the next complaint on the new version, and shows where that instance stands', async () => {
    const filed = await http<{ id: string }>('POST', `${system.api}/public/complaints`, {
      anonymous: true,
      respondentOrg: 'scjg',
      category: 'inaction',
      summary: '申请办理许可证逾期未答复（流程变更测试）',
      details: '2026年11月提交申请，至今无答复。',
    });
    expect(filed.status).toBe(201);
    const task = await eventually(
      async () => {
        const answer = await http<{ items: { name: string; processDefinitionKey: string }[] }>(
          'GET',
          `${system.api}/tasks?businessKey=${filed.body.id}`,
          undefined,
          AS_STAFF,
        );
        return answer.body.items[0];
      },
      { what: 'the new complaint’s first task' },
    );
    expect(task.name).toBe(RENAMED);

    await page.getByTestId(`model-${KEY}`).click();
    const row = page.locator(`[data-testid=definition-row][data-version="${before + 1}"]`);
    await eventually(
      async () => {
        await page.reload();
        await row.waitFor({ timeout: 3000 });
        return (await row.innerText()).includes('\t1');
      },
      { what: 'the running instance counted on the new version' },
    );
    await row.click();
    await page.getByTestId('instance-select').locator(`option[value]`).first().waitFor({ state: 'attached' });
    await page
      .locator('[data-testid=instance-diagram] .highlight-active[data-element-id="acceptance-review"]')
      .waitFor();
    await page.getByTestId('definition-view').scrollIntoViewIfNeeded();
    expect(await untranslated(page)).toEqual([]);
    await screenshot(page, 'process-instance');
  });
});
