import { posix } from 'node:path';
import { languages } from '../languages';
import { Service } from '../service/service';
import type { FileSystem } from '../service/workspace';
import type { Rule } from '../engine/types';
import { renderIndex, renderRulePage } from './render';

const DOC_PATHS: Record<string, string> = {
  dockerfile: '/example/Dockerfile',
  dockerignore: '/example/.dockerignore',
  compose: '/example/compose.yaml',
  workflow: '/example/.github/workflows/ci.yml',
  taskdef: '/example/ecs/task-definition.json',
  flake: '/example/flake.nix',
  nix: '/example/default.nix',
};

/** Every doc page by file name (`CODE.md` and `README.md`), as `npm run docs` writes them. */
export function generateDocs(): Map<string, string> {
  const pages = new Map<string, string>();
  const rules = new Service(languages, { readFile: () => undefined, exists: () => false }).allRules();
  for (const rule of rules) pages.set(`${rule.meta.code}.md`, page(exampleService(rule), rule));
  pages.set('README.md', renderIndex(rules));
  return pages;
}

/** A service whose workspace holds the rule's doc example files, beside the example document. */
function exampleService(rule: Rule): Service {
  const dir = DOC_PATHS[rule.meta.kinds[0]].replace(/\/[^/]*$/, '');
  const files = new Map(
    Object.entries(rule.meta.docs.files ?? {}).map(([p, t]) => [
      p.startsWith('/') ? p : posix.normalize(`${dir}/${p}`),
      t,
    ]),
  );
  const fs: FileSystem = {
    readFile: (p) => files.get(p),
    exists: (p) => files.has(p) || [...files.keys()].some((f) => f.startsWith(p + '/')),
    list: () => [...files.keys()],
  };
  return new Service(languages, fs);
}

function page(service: Service, rule: Rule): string {
  const kind = rule.meta.kinds[0];
  const path = DOC_PATHS[kind];
  const rules: Record<string, 'off' | 'warning'> = {};
  for (const r of service.allRules()) rules[r.meta.code] = 'off';
  rules[rule.meta.code] = rule.meta.defaultSeverity === 'off' ? 'warning' : (rule.meta.defaultSeverity as 'warning');
  // a language completes its own rules' examples into whole files (the engine's rules show a situation, not a file)
  const language = service.registry.language(kind);
  const example = (language?.rules.includes(rule) && language.exampleFile) || ((x: string) => x);
  const examples = { incorrect: example(rule.meta.docs.incorrect), correct: example(rule.meta.docs.correct) };
  const result = service.validate({ path, text: examples.incorrect, kind }, service.settingsFor(path, { rules }), {
    trusted: false,
  });
  const findings = result.findings.map((f) =>
    rule.meta.defaultSeverity === 'off' ? { ...f, severity: 'warning' as const } : f,
  );
  return renderRulePage(rule, findings, (o) => result.lines.position(o), examples);
}
