// What package.json promises: the Node version the CLI and the extension's bundles need (and that every
// package bundled into dist/ accepts it), and the settings an untrusted workspace may not change.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/context';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(v: string, range: string): boolean;
};

interface Manifest {
  engines: { node: string; vscode: string };
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
}
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const floor = semver.minVersion(pkg.engines.node)!.version;

describe('package.json', () => {
  it('engines.node is a floor every package bundled into dist/ accepts', () => {
    // Everything is bundled, so every package is a devDependency: these are the ones dist/ carries.
    const runtime = /^(@aws-sdk\/|dockerfile-ast$|jsonc-parser$|yaml$|vscode-languageserver|vscode-languageclient$)/;
    const bundled = [
      ...Object.keys(pkg.dependencies ?? {}),
      ...Object.keys(pkg.devDependencies).filter((n) => runtime.test(n)),
    ];
    // The SDK's own packages come through its scopes.
    for (const scope of ['@aws-sdk', '@smithy'])
      for (const d of fs.readdirSync(path.join(REPO_ROOT, 'node_modules', scope))) bundled.push(`${scope}/${d}`);
    const refusing: string[] = [];
    for (const name of new Set(bundled)) {
      const file = path.join(REPO_ROOT, 'node_modules', name, 'package.json');
      if (!fs.existsSync(file)) continue;
      const range = (JSON.parse(fs.readFileSync(file, 'utf8')) as { engines?: { node?: string } }).engines?.node;
      if (range && !semver.satisfies(floor, range)) refusing.push(`${name} (node ${range})`);
    }
    assert.deepEqual(refusing, [], `packages that refuse Node ${floor}: raise engines.node and the README`);
  });

  it('the README states the same Node version', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const [major, minor] = floor.split('.');
    assert.match(readme, new RegExp(`Node\\.js ${major}\\.${minor} or newer`));
  });

  it("dist/aws.js makes AWS clients without the SDK's NodeVersionSupportWarning", () => {
    // npm test builds dist/ before the tests run.
    const script =
      `const aws = require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'aws.js'))});` +
      `aws.createAwsSession({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' }).destroy();`;
    const env = { ...process.env };
    delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /NodeVersionSupportWarning|warning/i);
  });

  it('an untrusted workspace cannot raise maxFileSize nor redirect the AWS commands', () => {
    const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const key of ['shipshape.maxFileSize', 'shipshape.aws.endpoint', 'shipshape.aws.profile'])
      assert.ok(restricted.includes(key), `${key} is in restrictedConfigurations`);
  });
});
