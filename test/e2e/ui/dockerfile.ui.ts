// The Dockerfile of examples/ in the browser: the first thing a newcomer does with Shipshape.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goTo, hover, hoverWidget, openFromExplorer, openWorkbench, type UiTest } from './workbench';

export const tests: UiTest[] = [
  {
    name:
      'open the Dockerfile from the Explorer, see the squiggle, read it in ' +
      'the hover and in Problems, then fix the line',
    async run({ page, url, workspace, shot }) {
      // The workflow of examples/ also builds a stage this Dockerfile lacks (XF013, an error on the
      // FROM line, checked by suite/crossfile.test.ts): off here, so the one red squiggle is DF001's.
      fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
      fs.writeFileSync(
        path.join(workspace, '.vscode', 'settings.json'),
        `${JSON.stringify({ 'shipshape.rules': { XF013: 'off' } }, null, 2)}\n`,
      );
      await openWorkbench(page, url);
      await shot('workbench');

      await openFromExplorer(page, 'Dockerfile');
      const squiggle = page.locator('.squiggly-error').first();
      await squiggle.waitFor({ timeout: 30_000 });
      await shot('squiggle');

      await hover(page, squiggle);
      const widget = hoverWidget(page);
      await widget.filter({ hasText: 'Unknown instruction: rm' }).waitFor({ timeout: 15_000 });
      const text = await widget.innerText();
      assert.match(text, /Unknown instruction: rm/);
      assert.match(text, /DF001/);
      // The code links to the rule's page.
      assert.ok(
        (await widget.locator('a', { hasText: 'DF001' }).count()) > 0 || /shipshape\(DF001\)/.test(text),
        `no DF001 link in the hover: ${text}`,
      );
      await page.waitForTimeout(400); // let the hover finish fading in
      await shot('hover');
      await page.mouse.move(5, 5);

      await page.locator('.editor-instance .monaco-editor textarea').first().focus();
      await page.keyboard.press('Control+Shift+M');
      const problems = page.locator('.markers-panel');
      await problems.waitFor();
      const row = problems.locator('.monaco-list-row', { hasText: 'Unknown instruction: rm' });
      await row.waitFor();
      assert.match(await row.innerText(), /DF001/);
      await shot('problems');
      // Hover again with Problems open: the picture for the README.
      await hover(page, squiggle);
      await widget.filter({ hasText: 'Unknown instruction: rm' }).waitFor({ timeout: 15_000 });
      await page.waitForTimeout(400);
      await shot('overview');
      await page.mouse.move(5, 5);

      // Repair the missing line continuation as a person would: go to the end of line 13, type ` \`.
      await goTo(page, 13, 200);
      await page.keyboard.press('End');
      await page.keyboard.type(' \\');
      await page.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 15_000 });
      await row.waitFor({ state: 'detached', timeout: 15_000 });
      await shot('fixed');

      // Mistype an instruction, then take the lightbulb's fix: Ctrl+. and "Change to EXPOSE".
      await goTo(page, 20, 1);
      await page.keyboard.press('Shift+End');
      await page.keyboard.type('EXPSOE 3000');
      await page.locator('.squiggly-error').first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Home'); // the caret on the finding, where the lightbulb's fixes are
      const menu = page.locator('.action-widget');
      const fix = menu.locator('.monaco-list-row', { hasText: 'Change to EXPOSE' });
      // Ctrl+. can race the server's fresh diagnostics ("No code actions available"): like a person,
      // press Escape and try again.
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+.');
        try {
          await fix.waitFor({ timeout: 5_000 });
          break;
        } catch (e) {
          if (attempt === 5) throw e;
          await page.keyboard.press('Escape');
          await page.waitForTimeout(1000);
        }
      }
      assert.ok(
        (await menu.locator('.monaco-list-row', { hasText: 'Ignore DF001 on this line' }).count()) > 0,
        'the ignore action is missing from the lightbulb menu',
      );
      await page.waitForTimeout(300);
      await shot('lightbulb');
      // Keyboard, as the menu says ("Enter to Apply"): move the focus to the fix, then Enter.
      for (let i = 0; i < 5 && !/\bfocused\b/.test((await fix.getAttribute('class')) ?? ''); i++)
        await page.keyboard.press('ArrowDown');
      assert.match((await fix.getAttribute('class')) ?? '', /\bfocused\b/, 'could not focus "Change to EXPOSE"');
      await page.keyboard.press('Enter');
      await page.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 15_000 });
      await page.locator('.editor-instance .view-line', { hasText: /^EXPOSE\s3000$/ }).waitFor(); // \s: the editor renders nbsp
      await shot('lightbulb-applied');
    },
  },
];
