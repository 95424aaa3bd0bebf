// The ECS task definition of examples/: pick a Fargate memory size from the suggest widget.
import { explorerItem, goTo, openFromExplorer, openWorkbench, type UiTest } from './workbench';

export const tests: UiTest[] = [
  {
    name: 'pick a memory size Fargate offers from the suggest widget, and the cpu/memory error goes',
    // Found by this test: the items used to replace the whole `""` without a `filterText`, so the
    // editor filtered them all out against the typed `"` ("No suggestions"). Fixed in complete.ts.
    async run({ page, url, shot }) {
      await openWorkbench(page, url);
      await explorerItem(page, 'ecs').click();
      await openFromExplorer(page, 'task-definition.json');
      const problem = page.locator('.squiggly-error');
      await problem.first().waitFor({ timeout: 30_000 });
      // Line 6 is `  "memory": "256",`: select the 256 and ask for suggestions.
      await goTo(page, 6, 14);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Delete');
      const item = page.locator('.suggest-widget .monaco-list-row', { hasText: /^\s*1024/ });
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+Space');
        try {
          await item.first().waitFor({ timeout: 5_000 });
          break;
        } catch (e) {
          if (attempt === 5) throw e;
          await page.keyboard.press('Escape');
          await page.waitForTimeout(1000);
        }
      }
      await shot('suggest');
      await item.first().click();
      await page.locator('.editor-instance .view-line', { hasText: /"memory":\s"1024"/ }).waitFor();
      // TD101 (the refused pair) goes; TD002 (the string port) and XF005 (the workflow renders a
      // container "app" this file lacks) stay errors.
      await page.waitForFunction(
        () =>
          (
            globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
          ).document.querySelectorAll('.squiggly-error').length === 2,
        undefined,
        { timeout: 15_000 },
      );
      await shot('picked');
    },
  },
];
