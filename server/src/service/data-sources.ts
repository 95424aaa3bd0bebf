/**
 * Where Shipshape's offline facts come from, and of when: every data file the checks read records its source and date
 * (the generated ones through `npm run refresh-data`, the curated ones by hand). `shipshape --version` prints them, so
 * a finding that depends on the data's age (an action's recommended major, an image tag) can be judged.
 */
import composeSpec from '../languages/compose/data/spec.json';
import composeImages from '../languages/compose/data/images.json';
import dockerfileImages from '../languages/dockerfile/data/images.json';
import ecsModel from '../languages/taskdef/data/model.json';
import ecsLimits from '../languages/taskdef/data/limits.json';
import actions from '../languages/workflow/data/actions.json';
import actionPins from '../languages/workflow/data/action-pins.json';
import workflowSchema from '../languages/workflow/data/workflow-schema.json';
import actionSchema from '../languages/workflow/data/action-schema.json';
import nixGlobals from '../languages/nix/data/globals.json';
import nixBuiltins from '../languages/nix/data/builtins-doc.json';
import nixPackages from '../languages/nix/data/pkgs.json';
import baseImages from '../links/data/base-images.json';

export interface DataSource {
  /** What the facts are about. */
  what: string;
  /** Where they come from (a repository at a commit, a package at a version, documentation pages). */
  source: string;
  /** YYYY-MM-DD: the source's own date, or the day the facts were last taken or reviewed. */
  date: string;
}

const of = (what: string, data: { source?: string; date?: string }): DataSource => ({
  what,
  source: data.source ?? 'unknown',
  date: data.date ?? 'unknown',
});

export const DATA_SOURCES: readonly DataSource[] = [
  of('compose schema', composeSpec),
  of('ECS task definition model', ecsModel),
  of('ECS limits', ecsLimits),
  of('GitHub Actions catalog', actions),
  of('GitHub Actions pins (commits)', actionPins),
  of('GitHub workflow schema', workflowSchema),
  of('GitHub action metadata schema', actionSchema),
  of('image tags (FROM)', dockerfileImages),
  of('image tags (compose image:)', composeImages),
  of('base images without curl/wget', baseImages),
  of('Nix globals', nixGlobals),
  of('Nix builtins (hover text)', nixBuiltins),
  of('nixpkgs names (completion)', nixPackages),
];

/** The lines `shipshape --version` prints after the version. */
export function dataSourcesText(): string {
  const width = Math.max(...DATA_SOURCES.map((d) => d.what.length));
  return DATA_SOURCES.map((d) => `  ${d.what.padEnd(width)}  ${d.date}  ${d.source}\n`).join('');
}
