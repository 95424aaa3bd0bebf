// What the per-language integration tests share: opening files of the workspace (a throwaway copy of
// examples/), waiting for the diagnostics the Shipshape server publishes, code actions, settings.
// Everything here goes through the public `vscode` API, as a user's editor would.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const SOURCE = 'shipshape';
export const FIX_ALL = 'source.fixAll.shipshape';
const TIMEOUT = 20_000;

export function workspaceRoot(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the suite needs a workspace folder (a copy of examples/)');
  return f.uri;
}

export function fileUri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

/** Opens a workspace file in an editor (pull diagnostics are requested for visible documents). */
export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Writes a file into the workspace (creating folders) and opens it. */
export async function create(rel: string, text: string): Promise<vscode.TextEditor> {
  const uri = fileUri(rel);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return open(rel);
}

export async function remove(rel: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(fileUri(rel), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

export function shipshapeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The code of a diagnostic as a string (`{ value, target }` when it links to the rule's page). */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

export function codes(ds: readonly vscode.Diagnostic[]): string[] {
  return ds.map(codeOf).sort();
}

/**
 * Waits until the server's diagnostics for `uri` satisfy `ok`, and returns them. On timeout it fails
 * with what it last saw, so a wrong expectation reads as a diff rather than as a hang.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (ds: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
  ms = TIMEOUT,
): Promise<vscode.Diagnostic[]> {
  const check = () => {
    const ds = shipshapeDiagnostics(uri);
    return ok(ds) ? ds : undefined;
  };
  const now = check();
  if (now) return now;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `timed out after ${ms} ms waiting for ${what} in ` +
            `${vscode.workspace.asRelativePath(uri)}; last seen: ${describe(shipshapeDiagnostics(uri))}`,
        ),
      );
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const ds = check();
      if (!ds) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
    });
  });
}

/** Waits until the diagnostics include every one of `want` (codes; repeated codes count). */
export function waitForCodes(uri: vscode.Uri, want: string[], ms = TIMEOUT): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => includesAll(codes(ds), want), `codes ${want.join(', ')}`, ms);
}

/** Waits until no diagnostic has one of `gone` (or, with no list, until there is none). */
export function waitForNoCodes(uri: vscode.Uri, gone?: string[], ms = TIMEOUT): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(
    uri,
    (ds) => (gone ? !ds.some((d) => gone.includes(codeOf(d))) : ds.length === 0),
    gone ? `no ${gone.join(', ')}` : 'no diagnostics',
    ms,
  );
}

function includesAll(have: string[], want: string[]): boolean {
  const left = [...have];
  for (const w of want) {
    const i = left.indexOf(w);
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/** The one diagnostic with `code` (fails when there are none or several). */
export function only(ds: vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const hits = ds.filter((d) => codeOf(d) === code);
  assert.equal(hits.length, 1, `expected one ${code}, got: ${describe(ds)}`);
  return hits[0];
}

/** `line:col-line:col`, 1-based, for readable range assertions. */
export function at(r: vscode.Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

export function describe(ds: readonly vscode.Diagnostic[]): string {
  return ds.length
    ? ds.map((d) => `${codeOf(d)}@${at(d.range)} ${vscode.DiagnosticSeverity[d.severity]} "${d.message}"`).join('; ')
    : '(none)';
}

/** The range of the `n`th (0-based) occurrence of `needle` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, n = 0): vscode.Range {
  const text = doc.getText();
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" (#${n}) not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
  }
  return new vscode.Range(doc.positionAt(i), doc.positionAt(i + needle.length));
}

/** Code actions the providers offer for `range` (optionally only of `kind`). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const got = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind,
  );
  return (got ?? []).filter(
    (a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'),
  );
}

/** Applies a code action's edit (and its command, if any). */
export async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `could not apply "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/**
 * Applies the quick fix whose title matches `title` for the diagnostic with `code` (the one whose
 * range contains `where`, when there are several); returns the document's new text.
 */
export async function quickFix(
  editor: vscode.TextEditor,
  code: string,
  title: RegExp,
  where?: vscode.Position,
): Promise<string> {
  const uri = editor.document.uri;
  const ds = await waitForCodes(uri, [code]);
  const d = where ? ds.find((x) => codeOf(x) === code && x.range.contains(where)) : only(ds, code);
  assert.ok(d, `no ${code} at ${where ? `${where.line + 1}:${where.character + 1}` : '?'}; have ${describe(ds)}`);
  const actions = await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix.value);
  const pick = actions.find((a) => title.test(a.title));
  assert.ok(
    pick,
    `no quick fix matching ${title} for ${code}; offered: ${actions.map((a) => a.title).join(' | ') || '(none)'}`,
  );
  await apply(pick);
  return editor.document.getText();
}

/** Runs `source.fixAll.shipshape` on the document; returns the new text (unchanged when nothing is safe to fix). */
export async function fixAll(editor: vscode.TextEditor): Promise<string> {
  const doc = editor.document;
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions = await codeActions(doc.uri, whole, FIX_ALL);
  for (const a of actions.filter((a) => a.kind?.value === FIX_ALL)) await apply(a);
  return doc.getText();
}

/** Replaces the whole text of the editor's document (undoable, like typing). */
export async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const ok = await editor.edit((b) =>
    b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text),
  );
  assert.ok(ok, 'edit refused');
}

/** Sets `shipshape.<key>` in the workspace settings (undefined removes it). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('shipshape').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Reverts and closes every editor, so each test starts from the files on disk. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The Shipshape extension, activated (fails if it is not installed or does not activate). */
export async function activateShipshape(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.all.find((e) => e.id.toLowerCase() === 'shipshape.shipshape');
  assert.ok(
    ext,
    `Shipshape is not among the extensions: ${vscode.extensions.all
      .filter((e) => !e.id.startsWith('vscode.'))
      .map((e) => e.id)
      .join(', ')}`,
  );
  await ext.activate();
  assert.ok(ext.isActive);
  return ext;
}

/**
 * The live round trip of a syntax rule: replace `needle` with `broken` in the open file, wait for
 * `code` on or after the broken line, undo, and wait for it to go. Returns the diagnostic.
 */
export async function breakAndRepair(
  rel: string,
  needle: string,
  broken: string,
  code: string,
): Promise<vscode.Diagnostic> {
  const editor = await open(rel);
  const uri = editor.document.uri;
  const r = rangeOf(editor.document, needle);
  assert.ok(await editor.edit((b) => b.replace(r, broken)));
  const d = only(await waitForCodes(uri, [code]), code);
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  assert.ok(
    d.range.start.line >= r.start.line,
    `${code} at ${at(d.range)}, before the broken line ${r.start.line + 1}`,
  );
  await vscode.commands.executeCommand('undo');
  assert.ok(editor.document.getText().includes(needle), 'undo did not restore the text');
  await waitForNoCodes(uri, [code]);
  return d;
}

/** Completion items at `pos` (every provider, as the suggest widget would get them). */
export async function completions(
  uri: vscode.Uri,
  pos: vscode.Position,
  trigger?: string,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    pos,
    trigger,
  );
  return list?.items ?? [];
}

export function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The text of every hover at `pos`, joined (markdown source). */
export async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n---\n');
}

/** The document symbols as an outline, `name` or `parent/child`, depth first. */
export async function outline(uri: vscode.Uri): Promise<string[]> {
  const syms =
    (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    )) ?? [];
  const out: string[] = [];
  const walk = (s: vscode.DocumentSymbol | vscode.SymbolInformation, prefix: string) => {
    out.push(prefix + s.name);
    if ('children' in s) for (const c of s.children) walk(c, `${prefix}${s.name}/`);
  };
  for (const s of syms) walk(s, '');
  return out;
}

/** Waits for a condition that the server reaches asynchronously (e.g. completions once it has parsed). */
export async function eventually<T>(
  f: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  ms = TIMEOUT,
): Promise<T> {
  const until = Date.now() + ms;
  let v = await f();
  while (!ok(v)) {
    if (Date.now() > until)
      throw new Error(`timed out after ${ms} ms waiting for ${what}; last: ${JSON.stringify(v)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 200));
    v = await f();
  }
  return v;
}

/**
 * The codes of `want` whose rule the installed extension has (each rule ships its page as
 * docs/rules/<CODE>.md). The per-language tests list the codes they expect from the examples; a rule
 * that has not landed yet is logged and left out, so the suite tightens itself as rules arrive.
 */
export function knownCodes(want: string[]): string[] {
  const ext = vscode.extensions.all.find((e) => e.id.toLowerCase() === 'shipshape.shipshape');
  assert.ok(ext, 'Shipshape is not installed');
  const docs = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules').fsPath;
  const have = want.filter((c) => fs.existsSync(`${docs}/${c}.md`));
  const missing = want.filter((c) => !have.includes(c));
  if (missing.length) console.log(`      (not asserted yet, no such rule in this build: ${missing.join(', ')})`);
  return have;
}

/** Asserts one diagnostic with `code` starts where the `n`th `needle` starts (skipped for codes not in `known`). */
export function expectAt(
  doc: vscode.TextDocument,
  ds: vscode.Diagnostic[],
  known: string[],
  code: string,
  needle: string,
  n = 0,
): void {
  if (!known.includes(code)) return;
  const start = rangeOf(doc, needle, n).start;
  assert.ok(
    ds.some((d) => codeOf(d) === code && d.range.start.isEqual(start)),
    `no ${code} at ${start.line + 1}:${start.character + 1} ("${needle}"); have ${describe(ds)}`,
  );
}
