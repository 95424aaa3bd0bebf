// Runs the unit, golden, LSP and AWS tests compiled by `tsc -b` into out/test (not the editor
// end-to-end suite, which `npm run test:e2e` runs inside a real VS Code).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = path.join(root, 'out', 'test');
const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const f = path.join(d, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'e2e') walk(f);
    } else if (
      e.name.endsWith('.test.js') &&
      fs.existsSync(path.join(root, path.relative(path.join(root, 'out'), f).replace(/\.js$/, '.ts')))
    )
      files.push(f);
  }
};
walk(dir);
const only = process.argv.slice(2);
const chosen = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
// (`node --test` with no file would run every test it finds, the editor suite included)
if (!chosen.length) {
  console.error(`no test file matches ${only.join(', ')}`);
  process.exit(1);
}
// The AWS tests run our AWS code on the SDK in node_modules, the one dist/aws.js pins. On Node < 22 the SDK
// warns that its releases after January 2027 will need Node 22; that concerns upgrading the SDK, which
// test/foundation/manifest.test.ts guards (engines.node against every bundled package), not these runs.
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...chosen], {
  stdio: 'inherit',
  cwd: root,
  env,
});
process.exit(r.status ?? 1);
