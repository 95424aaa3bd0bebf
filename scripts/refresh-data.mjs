#!/usr/bin/env node
/**
 * `npm run refresh-data`: regenerates every generated fact file from its source, one generator after another.
 * `npm run refresh-data -- --check` changes nothing and exits 1 when a committed file differs from what its generator
 * produces (test/foundation/generated-data.test.ts runs it). A generator whose source is absent here (botocore not
 * installed, ../shared/data missing) is skipped and said so.
 *
 * Each generator follows one convention: `node scripts/gen-<x>.mjs [--check]`, exit 0 (done or up to date), 1 (stale,
 * with --check), 2 (source absent; or 0 with "skip:" on stderr). A generator listed with `optional` joins when its
 * script exists: the workflow schema generator (scripts/gen-workflow-schema.mjs, from @actions/workflow-parser) is
 * wired here that way, so it runs from the day it lands. To add a source, add a row below.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

export const GENERATORS = [
  {
    what: 'compose model (server/src/languages/compose/data/spec.json)',
    from: "compose-go's schema, ../shared/data/schemas/compose-go-schema.json",
    script: 'scripts/gen-compose-model.mjs',
  },
  {
    what: 'workflow and action metadata schemas (server/src/languages/workflow/data/*-schema.json)',
    from: '@actions/workflow-parser (npm)',
    script: 'scripts/gen-workflow-schema.mjs',
    optional: true,
  },
  {
    what: 'action catalog (server/src/languages/workflow/data/actions.json)',
    from: '../shared/data/actions (action.yml files and INDEX.tsv)',
    script: 'scripts/gen-action-catalog.mjs',
  },
  {
    what: 'action pins (server/src/languages/workflow/data/action-pins.json)',
    from: '../shared/data/actions/INDEX.tsv',
    script: 'scripts/gen-action-pins.mjs',
  },
  {
    what: 'ECS task definition schema and model (schemas/, taskdef/data/model.json, common/)',
    from: "botocore's ECS API model (pip install botocore)",
    script: 'scripts/gen-ecs-schema.mjs',
  },
  {
    what: 'Nix globals (server/src/languages/nix/data/globals.json)',
    from: 'nix-instantiate (Debian nix-bin)',
    script: 'scripts/nix-conformance.mjs',
    args: ['--globals'],
    // asks nix-instantiate about ~400 names, one process each: too slow for the drift test, so not in --check
    check: false,
    needs: 'nix-instantiate',
  },
  {
    what: 'image tags offered by completion (compose and Dockerfile data/images.json)',
    from: 'data-src/images.json (curated by hand from the images’ published tags)',
    script: 'scripts/gen-image-tags.mjs',
  },
];

function main() {
  let stale = 0;
  for (const g of GENERATORS) {
    const script = resolve(root, g.script);
    if (!existsSync(script)) {
      if (!g.optional) {
        console.error(`missing generator ${g.script}`);
        stale++;
      } else console.log(`- ${g.what}: not here yet (${g.script})`);
      continue;
    }
    if (check && g.check === false) {
      console.log(`- ${g.what}: not compared (slow); npm run refresh-data regenerates it`);
      continue;
    }
    if (g.needs && spawnSync(g.needs, ['--version']).status !== 0) {
      console.log(`- ${g.what}: skipped, ${g.needs} not installed (${g.from})`);
      continue;
    }
    const args = [...(g.args ?? []), ...(check ? ['--check'] : [])];
    const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
    const said = `${r.stdout}${r.stderr}`.trim().split('\n').pop() ?? '';
    if (r.status === 2 || /^skip:/m.test(r.stderr)) console.log(`- ${g.what}: skipped, source absent (${g.from})`);
    else if (r.status === 0) console.log(`✓ ${g.what}: ${said}`);
    else {
      stale++;
      console.log(`✗ ${g.what}: ${`${r.stdout}${r.stderr}`.trim()}`);
    }
  }
  if (stale) {
    console.error(
      check ? `${stale} generated file set(s) differ from their sources: run npm run refresh-data` : 'failed',
    );
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
