// What can be checked of the VS Code wiring without an editor: the logic never imports
// `vscode`, the AWS SDK lives in its own bundle (dist/aws.js) that the extension loads on demand, and the
// package.json fragment matches the registered commands and the snippet files.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SNIPPET_FILES, repoRoot } from '../snippets/catalog';
import { SNIPPET_FILES as OFFERED } from '../../client/src/snippets/where';

const root = repoRoot();
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

describe('AWS wiring', () => {
  it('client/src/aws never imports vscode', () => {
    const dir = path.join(root, 'client/src/aws');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      assert.doesNotMatch(
        fs.readFileSync(path.join(dir, f), 'utf8'),
        /from ['"]vscode['"]|require\(['"]vscode['"]\)/,
        f,
      );
    }
  });

  it('the AWS SDK is bundled in dist/aws.js, not in dist/extension.js (activation never loads it)', () => {
    // npm test builds dist/ with the real esbuild.mjs before the tests run.
    const extension = read('dist/extension.js');
    const aws = read('dist/aws.js');
    assert.doesNotMatch(
      extension,
      /AmazonEC2ContainerServiceV20141113|Logs_20140328|ECSClient/,
      'no SDK client in the extension bundle',
    );
    assert.match(aws, /AmazonEC2ContainerServiceV20141113/, 'the ECS client is in dist/aws.js');
    assert.match(extension, /aws\.js/, 'the extension requires dist/aws.js lazily');
  });

  it('the package.json fragment lists exactly the registered commands; the client offers every snippet file', () => {
    const fragment = JSON.parse(read('client/src/aws-commands/contributes.json')) as {
      commands: Array<{ command: string; title: string; category: string }>;
      configuration: Record<string, { type: string; default: unknown }>;
    };
    const index = read('client/src/aws-commands/index.ts');
    const block = index.slice(index.indexOf('AWS_COMMANDS = {'), index.indexOf('} as const'));
    const registered = [...block.matchAll(/'(shipshape\.aws\.\w+)'/g)].map((m) => m[1]!).sort();
    assert.equal((index.match(/registerCommand\(c\./g) ?? []).length, registered.length, 'each id is registered');
    assert.deepEqual(fragment.commands.map((c) => c.command).sort(), registered);
    for (const c of fragment.commands) assert.equal(c.category, 'Shipshape');
    // Snippets are offered by the client's completion provider (only where a whole file fits), never
    // contributed through package.json, which would offer them everywhere, inside values too.
    const wanted = SNIPPET_FILES.flatMap((f) => f.languages.map((l) => `${l} ${f.file}`)).sort();
    assert.deepEqual(OFFERED.flatMap((f) => f.languages.map((l) => `${l} ${f.file}`)).sort(), wanted);
    for (const f of OFFERED) assert.ok(fs.existsSync(path.join(root, 'snippets', f.file)), f.file);
    assert.equal(JSON.parse(read('package.json')).contributes.snippets, undefined, 'no static snippets');
    // Every setting the commands read is declared.
    const used = [
      ...read('client/src/aws-commands/context.ts').matchAll(/(?:str|c\.get<\w+(?:<[^>]+>)?>)\('([\w.]+)'\)/g),
    ].map((m) => `shipshape.aws.${m[1]}`);
    assert.ok(used.length >= 10);
    for (const key of used) assert.ok(fragment.configuration[key], `${key} is declared`);
  });
});
