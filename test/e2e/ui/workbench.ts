// Small steps a person takes in the VS Code workbench, for the Playwright UI tests.
import type { Locator, Page } from 'playwright-core';

export interface UiContext {
  page: Page;
  /** The workbench URL with a fresh copy of examples/ open. */
  url: string;
  workspace: string;
  /** Saves a screenshot of the page as the next numbered step; returns its path. */
  shot(name: string): Promise<string>;
  /** The moto_server the run started (reset before each test that needs it); only for `needs: 'aws'`. */
  aws?: AwsEmulator;
}

export interface AwsEmulator {
  endpoint: string;
  region: string;
  /** The dummy static credentials code-server's environment carries too. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  reset(): Promise<void>;
}

export interface UiTest {
  name: string;
  /** Set while a known bug keeps the test from passing: it is reported pending with this reason. */
  pending?: string;
  /** 'aws': runs against moto_server (skipped, with a message, when moto_server is not installed). */
  needs?: 'aws';
  run(ctx: UiContext): Promise<void>;
}

/** Opens the workbench and waits until the Explorer shows the folder's files. */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await explorerItem(page, 'Dockerfile').waitFor({ timeout: 60_000 });
}

export function explorerItem(page: Page, name: string): Locator {
  return page.locator('.explorer-folders-view .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
  });
}

/** Clicks a file in the Explorer and waits for its editor tab to be active. */
export async function openFromExplorer(page: Page, name: string): Promise<void> {
  await explorerItem(page, name).click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Moves the mouse to the centre of an element, as a person hovering it. */
export async function hover(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to hover: the element has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
}

/** The visible hover widget (diagnostic hovers and language hovers alike). */
export function hoverWidget(page: Page): Locator {
  return page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).last();
}

/** Runs a command from the command palette (F1) by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Moves the cursor to a 1-based line and column with "Go to Line/Column" (Ctrl+G). */
export async function goTo(page: Page, line: number, column = 1): Promise<void> {
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`); // Ctrl+G opens quick input with the `:` prefix
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
}

/** The visible quick pick / input box, once its title shows `title`. */
export async function quickInput(page: Page, title: string | RegExp): Promise<Locator> {
  const widget = page.locator('.quick-input-widget:visible');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
  return widget;
}

/** Picks the row whose label is exactly `label` in the visible quick pick. */
export async function pickRow(page: Page, label: string): Promise<void> {
  const row = page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row').filter({
    has: page.locator('.label-name', {
      hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`),
    }),
  });
  await row.first().waitFor({ timeout: 30_000 });
  await row.first().click();
}

/** A notification toast (bottom right) containing `text`. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.notification-toast-container .notification-toast', { hasText: text });
}

/** The modal dialog (e.g. a confirmation), once it shows `text`. */
export function dialog(page: Page, text: string | RegExp): Locator {
  return page.locator('.monaco-dialog-box', { hasText: text });
}
