// The editor features of issue 19 as a person uses them: Format Document (Shift+Alt+F), Go to References
// (Shift+F12), Ctrl+click on a document link, and the colours of a `${{ }}` expression, read through
// "Developer: Inspect Editor Tokens and Scopes" (no screenshot comparison).
import type { Page } from 'playwright-core';
import { explorerItem, goTo, openFromExplorer, openWorkbench, runCommand, type UiTest } from './workbench';

/** A rendered line of the active editor (spaces render as U+00A0: match them with \s). */
const line = (page: Page, re: RegExp) => page.locator('.editor-instance .view-line', { hasText: re });

/** Waits until the language server has checked the open file (its squiggles show). */
async function serverReady(page: Page): Promise<void> {
  await page.locator('.squiggly-error, .squiggly-warning, .squiggly-info').first().waitFor({ timeout: 30_000 });
}

/**
 * Presses `keys` (in turn, when several) until `done` resolves: the first request can race the server's start, and
 * a command's key depends on the platform the workbench believes it runs on.
 */
async function pressUntil(
  page: Page,
  keys: string | string[],
  done: () => Promise<unknown>,
  what: string,
): Promise<void> {
  const all = Array.isArray(keys) ? keys : [keys];
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(all[(attempt - 1) % all.length]);
    try {
      await done();
      return;
    } catch (e) {
      if (attempt === 4 * all.length) throw new Error(`${what}: ${(e as Error).message}`);
      await page.waitForTimeout(1000);
    }
  }
}

export const tests: UiTest[] = [
  {
    name: 'Shift+Alt+F formats the Dockerfile: keyword in capitals, one space, no trailing whitespace',
    async run({ page, url, shot }) {
      await openWorkbench(page, url);
      await openFromExplorer(page, 'Dockerfile');
      await serverReady(page);
      // line 5 is `WORKDIR /app`: write it sloppily
      await goTo(page, 5, 1);
      await page.keyboard.press('Shift+End');
      await page.keyboard.type('workdir    /app   ');
      await line(page, /^workdir\s{4}\/app\s{3}$/)
        .first()
        .waitFor();
      await shot('sloppy');
      // Format Document: Shift+Alt+F (Windows, macOS); the Linux workbench binds Ctrl+Shift+I
      await pressUntil(
        page,
        ['Shift+Alt+F', 'Control+Shift+I'],
        () =>
          line(page, /^WORKDIR\s\/app$/)
            .first()
            .waitFor({ timeout: 5_000 }),
        'the line formatted',
      );
      await shot('formatted');
    },
  },
  {
    name: 'Shift+F12 on a stage name lists its declaration and both COPY --from uses',
    async run({ page, url, shot }) {
      await openWorkbench(page, url);
      await openFromExplorer(page, 'Dockerfile');
      await serverReady(page);
      // line 4 is `FROM node:20-bookworm AS build`: the cursor on `build`
      await goTo(page, 4, 27);
      const peek = page.locator('.peekview-widget');
      await pressUntil(
        page,
        'Shift+F12',
        () =>
          peek
            .locator('.ref-tree .monaco-list-row', { hasText: /--from=build \/app\/dist/ })
            .first()
            .waitFor({ timeout: 5_000 }),
        'the references peek',
      );
      await peek
        .locator('.ref-tree .monaco-list-row', { hasText: /--from=build \/app\/package/ })
        .first()
        .waitFor();
      await peek
        .locator('.ref-tree .monaco-list-row', { hasText: /AS build/ })
        .first()
        .waitFor();
      await shot('references');
      await page.keyboard.press('Escape');
    },
  },
  {
    name: "Ctrl+click on a workflow's task-definition path opens the task definition",
    async run({ page, url, shot }) {
      await openWorkbench(page, url);
      await explorerItem(page, '.github').click();
      await openFromExplorer(page, 'ci.yml');
      await serverReady(page);
      await goTo(page, 50, 28);
      const target = page
        .locator('.editor-instance .view-line span', { hasText: /^ecs\/task-definition\.json$/ })
        .first();
      await target.waitFor();
      const box = await target.boundingBox();
      if (!box) throw new Error('the path is not on screen');
      // the editor underlines a link while Ctrl is held over it; it may take a moment for the links to arrive
      await page.keyboard.down('Control');
      try {
        for (let attempt = 1; ; attempt++) {
          await page.mouse.move(box.x + 4, box.y + box.height / 2, { steps: 3 });
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
          try {
            await page.locator('.detected-link-active').first().waitFor({ timeout: 3_000 });
            break;
          } catch (e) {
            if (attempt === 5) throw e;
          }
        }
        await shot('link');
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      } finally {
        await page.keyboard.up('Control');
      }
      await page
        .locator('.tabs-container .tab.active', { hasText: 'task-definition.json' })
        .waitFor({ timeout: 15_000 });
      await shot('opened');
    },
  },
  {
    name: 'a ${{ }} expression in a workflow has semantic tokens (Inspect Editor Tokens and Scopes)',
    async run({ page, url, shot }) {
      await openWorkbench(page, url);
      await explorerItem(page, '.github').click();
      await openFromExplorer(page, 'ci.yml');
      await serverReady(page);
      // line 29: `        run: docker build -t hello-shipshape:${{ github.sha }} .`, the cursor on `sha`
      const widget = page.locator('.token-inspect-widget');
      for (let attempt = 1; ; attempt++) {
        await goTo(page, 29, 58);
        await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
        try {
          await widget.filter({ hasText: /semantic token type\s*property/ }).waitFor({ timeout: 5_000 });
          break;
        } catch (e) {
          if (attempt === 4) throw e;
          await page.keyboard.press('Escape');
          await page.waitForTimeout(1500);
        }
      }
      await shot('sha-property');
      await page.keyboard.press('Escape');
      // on `github`: a context, coloured as a variable of the default library
      await goTo(page, 29, 51);
      await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
      await widget.filter({ hasText: /semantic token type\s*variable/ }).waitFor({ timeout: 10_000 });
      await widget.filter({ hasText: /defaultLibrary/ }).waitFor({ timeout: 5_000 });
      await shot('github-variable');
    },
  },
];
