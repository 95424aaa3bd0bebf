/** `shipshape rules` and `shipshape explain CODE`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleDocUrl } from '../engine/docs';
import type { DocumentKind, Rule } from '../engine/types';
import { UsageError } from './args';

/** The rule pages shipped beside the bundle (`docs/rules/` next to `dist/`), in a clone or an installed package. */
export function docsFolder(from = __dirname): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(path.join(candidate, 'README.md'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function fixLabel(rule: Rule): string {
  return rule.meta.fixable === 'safe' ? 'safe' : rule.meta.fixable === 'suggestion' ? 'suggestion' : '-';
}

export function formatRules(rules: Rule[], kind: DocumentKind | undefined, format: 'text' | 'json'): string {
  const chosen = kind ? rules.filter((r) => r.meta.kinds.includes(kind)) : rules;
  if (format === 'json')
    return (
      JSON.stringify(
        chosen.map((r) => ({
          code: r.meta.code,
          id: r.meta.id,
          kinds: r.meta.kinds,
          defaultSeverity: r.meta.defaultSeverity,
          fixable: r.meta.fixable,
          description: r.meta.description,
          url: ruleDocUrl(r.meta.code),
        })),
        null,
        2,
      ) + '\n'
    );
  const rows = chosen.map((r) => [
    r.meta.code,
    r.meta.id,
    r.meta.kinds.length > 3 ? 'all' : r.meta.kinds.join(','),
    r.meta.defaultSeverity,
    fixLabel(r),
    r.meta.description,
  ]);
  const head = ['CODE', 'NAME', 'KINDS', 'DEFAULT', 'FIX', 'DESCRIPTION'];
  const widths = head.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line), `${chosen.length} rules`].join('\n') + '\n';
}

/** A rule by code (any case) or name. */
export function findRule(rules: Rule[], name: string): Rule | undefined {
  const upper = name.toUpperCase();
  return rules.find((r) => r.meta.code === upper || r.meta.id === name);
}

/** The rule's page from docs/rules/, or (where the pages are missing) one built from its metadata. */
export function explain(rules: Rule[], name: string): string {
  const rule = findRule(rules, name);
  if (!rule) {
    const near = rules
      .filter((r) => r.meta.code.startsWith(name.toUpperCase().slice(0, 2)) || r.meta.id.includes(name.toLowerCase()))
      .slice(0, 5)
      .map((r) => r.meta.code);
    throw new UsageError(
      `no rule "${name}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; "shipshape rules" lists them`,
    );
  }
  const dir = docsFolder();
  const page = dir && path.join(dir, `${rule.meta.code}.md`);
  if (page && fs.existsSync(page)) return fs.readFileSync(page, 'utf8');
  const m = rule.meta;
  return (
    [
      `# ${m.code}: ${m.id}`,
      '',
      m.description,
      '',
      `Applies to: ${m.kinds.join(', ')}. Default severity: ${m.defaultSeverity}. Fix: ${fixLabel(rule)}.`,
      '',
      '## Why',
      '',
      m.docs.rationale,
      '',
      '## Incorrect',
      '',
      '```',
      m.docs.incorrect,
      '```',
      '',
      '## Correct',
      '',
      '```',
      m.docs.correct,
      '```',
      '',
      ruleDocUrl(m.code),
    ].join('\n') + '\n'
  );
}
