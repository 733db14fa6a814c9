import { existsSync, mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer, tokenFor } from '../support/tokens';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = join(__dirname, '..', '..', 'test-artifacts', 'swagger-create-case.png');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Swagger UI in a real browser: Authorize with a token, "POST /api/v1/cases" → Try it out →
 * Execute, and the response panel shows 201.
 *
 * Without Debian's Chromium at /usr/bin/chromium this cannot run. In CI (`CI` set; `.ci/run`
 * installs it) that is a failure, never a silent pass. Elsewhere the one test left says why the
 * browser check did not run (a file without any test at all would fail Jest itself).
 */
if (!existsSync(CHROMIUM)) {
  if (process.env.CI) {
    it('needs Chromium', () => {
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)`);
    });
  } else {
    it(`does not drive Swagger UI: ${CHROMIUM} is not installed (apt-get install -y chromium)`, () => {
      expect(existsSync(CHROMIUM)).toBe(false);
    });
  }
} else {
  describe('Swagger UI in headless Chromium', () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;

    beforeAll(async () => {
      t = await createTestApp();
      await t.app.listen(0, '127.0.0.1');
      base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    });
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it('authorizes, creates a case from "POST /api/v1/cases" and shows the 201', async () => {
      const tenant = newTenant();
      const caseTypeId = await createCaseType(t, bearer({ tenant }));
      const details = `Created from Swagger UI ${Date.now()}`;
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });

      await page.goto(`${base}/docs`);
      await page.locator('.auth-wrapper button.authorize').click();
      await page.locator('.auth-container input').first().fill(tokenFor({ tenant }));
      await page.locator('.auth-btn-wrapper button.authorize').click();
      await page.locator('.auth-btn-wrapper button.btn-done').click();

      const operation = page.locator('.opblock-post', {
        has: page.locator('.opblock-summary-path[data-path="/api/v1/cases"]'),
      });
      await operation.locator('.opblock-summary').click();
      await operation.locator('button.try-out__btn').click();
      await operation
        .locator('textarea.body-param__text')
        .fill(JSON.stringify({ caseTypeId, details }, null, 2));
      await operation.locator('button.execute').click();

      const status = operation.locator('.live-responses-table tbody .response-col_status').first();
      await status.waitFor();
      const body = operation.locator('.live-responses-table tbody .response-col_description pre');
      await body.first().waitFor();
      await operation.locator('.responses-wrapper').scrollIntoViewIfNeeded();
      mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });

      expect((await status.innerText()).trim()).toBe('201');
      expect(await body.first().innerText()).toContain(details);
      expect(
        await t.dataSource.query(
          `SELECT details FROM cases WHERE client_id = $1 AND case_type_id = $2`,
          [tenant, caseTypeId],
        ),
      ).toEqual([{ details }]);
    });
  });
}
