import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners } from 'kafkajs';
import { Browser, Page } from 'playwright-core';
import { EventEnvelope, TOPIC, TransferChangedV1, transferKey } from '@oversight/contracts';
import { AS_STAFF, eventually, http } from '@oversight/testing';
import { startSystem, System } from '../integration/system';
import { fitsWidth, launchBrowser, newPage, screenshot, untranslated } from './browser';

const DAY = 24 * 3600 * 1000;

/** The liaison board in a browser: an overdue transfer comes first, with the charts and the exports. */
describe('console: the liaison board', () => {
  let system: System;
  let browser: Browser;
  let page: Page;
  const ref = `e2e-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    system = await startSystem({}, { DEMO_ACCOUNTS: 'true' });
    browser = await launchBrowser();
    page = await newPage(browser, system.gateway.url);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('shows a transfer past its due date as overdue, first in the register', async () => {
    // A criminal case the market regulator sent to the police two weeks ago, due a week ago, still open:
    // published as every process publishes its transfers.
    const kafka = new Kafka({ clientId: 'e2e-liaison', brokers: process.env.KAFKA_BROKERS!.split(',') });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const data: TransferChangedV1 = {
      kind: 'criminal-case-transfer',
      sourceRef: ref,
      sender: 'scjg',
      receiver: 'gaj',
      subject: '涉嫌生产销售伪劣产品案（浏览器测试）',
      dueAt: new Date(Date.now() - 7 * DAY).toISOString(),
      status: 'sent',
    };
    const event: EventEnvelope<TransferChangedV1> = {
      id: randomUUID(),
      type: TOPIC.transferChanged,
      source: 'e2e',
      time: new Date(Date.now() - 14 * DAY).toISOString(),
      subject: transferKey(data),
      data,
    };
    await producer.send({
      topic: TOPIC.transferChanged,
      messages: [{ key: event.subject, value: JSON.stringify(event) }],
    });
    await producer.disconnect();
    await eventually(
      async () =>
        (
          await http<{ items: { sourceRef: string }[] }>(
            'GET',
            `${system.api}/liaison/transfers?overdue=true`,
            undefined,
            AS_STAFF,
          )
        ).body.items.some((t) => t.sourceRef === ref),
      { what: 'the transfer in the register' },
    );
    // And a complaint filed today: an open transfer within its time limit.
    await http('POST', `${system.api}/public/complaints`, {
      anonymous: true,
      respondentOrg: 'scjg',
      category: 'attitude',
      summary: '窗口工作人员态度恶劣（联席会议测试）',
      details: '2026年11月25日办理营业执照变更时受到呵斥。',
    });

    await page.goto('/liaison');
    await page.getByTestId('demo-liaison-secretary').click();
    const row = page.locator(`[data-testid=transfer-row][data-source-ref="${ref}"]`);
    await row.waitFor();
    expect(await row.getByTestId('transfer-state').innerText()).toBe('逾期');
    expect(await row.locator('.deadline').getAttribute('data-level')).toBe('overdue');
    const first = page.getByTestId('transfer-row').first();
    expect(await first.getByTestId('transfer-state').innerText()).toBe('逾期');
    await page.getByTestId('chart-counts').locator('rect').first().waitFor();
    expect(await untranslated(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'liaison-board');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-transfers').click(),
    ]);
    expect(download.suggestedFilename()).toBe('transfers.xlsx');
  });
});
