// Writes docs/rules/<CODE>.md for every rule, and docs/rules/README.md, from rule metadata.
// Run through `npm run docs` (which compiles first); test/docs.test.ts fails when they are stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { generateDocs } = require(path.join(root, 'out/server/src/docs/generate.js'));
const dir = path.join(root, 'docs/rules');
fs.mkdirSync(dir, { recursive: true });
const pages = generateDocs();
for (const f of fs.readdirSync(dir)) if (f.endsWith('.md') && !pages.has(f)) fs.rmSync(path.join(dir, f));
for (const [name, text] of pages) fs.writeFileSync(path.join(dir, name), text);
console.log(`wrote ${pages.size} pages to docs/rules/`);
