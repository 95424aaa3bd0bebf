// Bundles the client, the language server and the CLI into dist/. `vscode` stays external; the AWS
// SDK is only reached through dynamic import() in the client, so esbuild puts it in its own chunk.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

// The workflow schema is generated from the installed @actions/workflow-parser: regenerate it when the package
// changed, so the bundle always carries its facts (the unit tests fail until the regenerated file is committed).
try {
  execFileSync(process.execPath, ['scripts/gen-workflow-schema.mjs', '--check'], { stdio: 'pipe' });
} catch {
  execFileSync(process.execPath, ['scripts/gen-workflow-schema.mjs'], { stdio: 'inherit' });
}

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
  { ...common, entryPoints: { aws: 'client/src/aws/index.ts' }, outdir: 'dist', format: 'cjs' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
