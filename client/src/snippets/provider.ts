// Whole-file snippets as completions, offered only where a whole file makes sense (see where.ts). They
// are not contributed through package.json: VS Code offers contributed snippets everywhere in a language,
// inside values too, and has no way to say where.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SNIPPET_FILES, type SnippetFormat, wholeFileFits, wordBefore, yamlSnippetFilesFor } from './where';

interface Snippet {
  file: string;
  format: SnippetFormat;
  name: string;
  prefix: string;
  description: string;
  body: string;
}

function load(dir: string): Snippet[] {
  const out: Snippet[] = [];
  for (const { file, format } of SNIPPET_FILES) {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<
      string,
      { prefix: string | string[]; description?: string; body: string | string[] }
    >;
    for (const [name, s] of Object.entries(raw)) {
      for (const prefix of Array.isArray(s.prefix) ? s.prefix : [s.prefix])
        out.push({
          file,
          format,
          name,
          prefix,
          description: s.description ?? '',
          body: Array.isArray(s.body) ? s.body.join('\n') : s.body,
        });
    }
  }
  return out;
}

export function registerSnippets(context: vscode.ExtensionContext): void {
  const snippets = load(context.asAbsolutePath('snippets'));
  const languages = [...new Set(SNIPPET_FILES.flatMap((f) => f.languages))];
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position) {
      const text = document.getText();
      const offset = document.offsetAt(position);
      const files = SNIPPET_FILES.filter((f) => f.languages.includes(document.languageId)).map((f) => f.file);
      const yaml = files.includes('compose.json') ? yamlSnippetFilesFor(document.uri.path) : undefined;
      const { start } = wordBefore(text, offset);
      const range = new vscode.Range(document.positionAt(start), position);
      const items: vscode.CompletionItem[] = [];
      for (const s of snippets) {
        if (!files.includes(s.file) || (s.format === 'yaml' && yaml && !yaml.includes(s.file))) continue;
        if (!wholeFileFits(text, offset, s.format)) continue;
        const item = new vscode.CompletionItem(
          { label: s.prefix, description: s.name },
          vscode.CompletionItemKind.Snippet,
        );
        item.insertText = new vscode.SnippetString(s.body);
        item.range = range;
        item.detail = s.name;
        item.documentation = new vscode.MarkdownString(s.description);
        item.sortText = `0${s.prefix}`;
        items.push(item);
      }
      return items;
    },
  };
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      languages.flatMap((language) => [
        { language, scheme: 'file' },
        { language, scheme: 'untitled' },
      ]),
      provider,
    ),
  );
}
