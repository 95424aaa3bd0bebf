// The GitHub Actions workflow of examples/: type as a person does and take completions from the
// suggest widget.
import { explorerItem, goTo, openFromExplorer, openWorkbench, type UiTest } from './workbench';
import type { Locator, Page } from 'playwright-core';

/** Asks for suggestions until the row appears (the first request can race the server's parse). */
async function suggest(page: Page, row: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Space');
    try {
      await row.first().waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 5) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
}

export const tests: UiTest[] = [
  {
    name: 'type a runner label and an action in ci.yml and pick each from the suggest widget',
    async run({ page, url, shot }) {
      await openWorkbench(page, url);
      await explorerItem(page, '.github').click(); // one compact row: `.github / workflows`
      await openFromExplorer(page, 'ci.yml');
      await page.locator('.squiggly-error, .squiggly-warning').first().waitFor({ timeout: 30_000 });
      // The editor renders spaces as U+00A0: match them with \s.
      const line = (re: RegExp) => page.locator('.editor-instance .view-line', { hasText: re });

      // Line 13 is `    runs-on: ubuntu-latest`: replace the label with "ubuntu-24" and complete it.
      await goTo(page, 13, 14);
      await page.keyboard.press('Shift+End');
      await page.keyboard.type('ubuntu-24');
      const runner = page.locator('.suggest-widget .monaco-list-row', { hasText: /^\s*ubuntu-24\.04(?!-)/ });
      await suggest(page, runner);
      await shot('suggest-runner');
      await runner.first().click();
      await line(/^\s*runs-on:\subuntu-24\.04\s*$/)
        .first()
        .waitFor();

      // A new step after line 21 (`      - run: npm test`): `- uses: actions/upload` and pick upload-artifact.
      await goTo(page, 21, 1);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('- uses: actions/upload');
      const action = page.locator('.suggest-widget .monaco-list-row', { hasText: /actions\/upload-artifact@v\d+/ });
      await suggest(page, action);
      await shot('suggest-action');
      await action.first().click();
      await line(/^\s{6}-\suses:\sactions\/upload-artifact@v\d+\s*$/)
        .first()
        .waitFor();
      await shot('picked');
    },
  },
];
