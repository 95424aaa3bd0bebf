// Bundles the client, the language server and the CLI into dist/. `vscode` stays external; the AWS
// SDK is only reached through dynamic import() in the client, so esbuild puts it in its own chunk.
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

// The workflow schema is generated from the installed @actions/workflow-parser: regenerate it when the package
// changed, so the bundle always carries its facts (the unit tests fail until the regenerated file is committed).
try {
  execFileSync(process.execPath, ['scripts/gen-workflow-schema.mjs', '--check'], { stdio: 'pipe' });
} catch {
  execFileSync(process.execPath, ['scripts/gen-workflow-schema.mjs'], { stdio: 'inherit' });
}

// The version shown by `shipshape --version`, SARIF and the server's serverInfo: package.json's.
const { version } = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minify: !process.argv.includes('--dev'),
  logLevel: 'warning',
  legalComments: 'none',
  mainFields: ['module', 'main'],
  define: { SHIPSHAPE_VERSION: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist', format: 'cjs' },
  {
    ...common,
    entryPoints: { cli: 'server/src/cli.ts' },
    outdir: 'dist',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: { extension: 'client/src/extension.ts' },
    outdir: 'dist',
    format: 'cjs',
    external: ['vscode'],
  },
  // The AWS SDK and our AWS logic: a separate file the extension requires on the first AWS command.
  // The SDK warns on Node < 22 that SDK releases after January 2027 will need Node 22. This bundle pins
  // its SDK at build time and runs on VS Code's own Node (20 in VS Code 1.100), so the warning never
  // applies to it; package.json's engines and test/foundation/manifest.test.ts keep the floor honest.
  {
    ...common,
    entryPoints: { aws: 'client/src/aws/index.ts' },
    outdir: 'dist',
    format: 'cjs',
    define: { 'process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED': '"true"' },
  },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
