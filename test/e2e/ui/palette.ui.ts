// Shipshape's commands in the command palette.
import * as assert from 'node:assert/strict';
import { openFromExplorer, openWorkbench, runCommand, type UiTest } from './workbench';

export const tests: UiTest[] = [
  {
    name: "Shipshape: Show Output from the command palette shows the language server's log",
    async run({ page, url, shot }) {
      await openWorkbench(page, url);
      await openFromExplorer(page, 'Dockerfile');
      await page.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      await runCommand(page, 'Shipshape: Show Output');
      const panel = page.locator('.panel .output-view, .part.panel');
      await panel.first().waitFor();
      // The output view's channel picker names the channel being shown.
      const picker = page.locator('.part.panel select.monaco-select-box').first();
      await picker.waitFor();
      const shown = await picker.evaluate((el) => {
        const s = el as unknown as { options: { text: string }[]; selectedIndex: number };
        return s.options[s.selectedIndex]?.text ?? '';
      });
      assert.equal(shown, 'Shipshape');
      await shot('output');
    },
  },
];
