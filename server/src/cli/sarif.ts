import { REPOSITORY_URL, ruleDocUrl } from '../engine/docs';
import type { Rule, Severity } from '../engine/types';
import type { Range } from '../text/lines';
import type { RunReport } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** A SARIF physical location: the path with forward slashes, a 1-based region. */
function physical(path: string, range?: Range): object {
  return {
    artifactLocation: { uri: path.split('\\').join('/') },
    ...(range
      ? {
          region: {
            startLine: range.start.line + 1,
            startColumn: range.start.character + 1,
            endLine: range.end.line + 1,
            endColumn: range.end.character + 1,
          },
        }
      : {}),
  };
}

/** What GitHub code scanning reads to rank a security alert: `security-severity` (a score string) and the tag. */
function securityProperties(r: Rule): { 'security-severity': string; tags: string[] } {
  return { 'security-severity': r.meta.security!.severity.toFixed(1), tags: ['security'] };
}

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, our rules in the driver, 1-based regions;
 * files that could not be checked as notifications of an unsuccessful invocation.
 */
export function toSarif(run: RunReport, rules: Rule[], version: string): object {
  const used = new Set(run.files.flatMap((r) => r.diagnostics.map((d) => d.code)));
  const driverRules = rules.filter((r) => used.has(r.meta.code));
  const index = new Map(driverRules.map((r, i) => [r.meta.code, i]));
  const security = new Map(driverRules.filter((r) => r.meta.security).map((r) => [r.meta.code, securityProperties(r)]));
  const failing = run.problems.filter((p) => p.type === 'failed' || !run.skipUnreadable);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shipshape',
            version,
            informationUri: REPOSITORY_URL,
            rules: driverRules.map((r) => ({
              id: r.meta.code,
              name: r.meta.id,
              shortDescription: { text: r.meta.description },
              helpUri: ruleDocUrl(r.meta.code),
              defaultConfiguration: {
                level: r.meta.defaultSeverity === 'off' ? 'none' : LEVEL[r.meta.defaultSeverity],
              },
              ...(r.meta.security ? { properties: securityProperties(r) } : {}),
            })),
          },
        },
        ...(run.problems.length
          ? {
              invocations: [
                {
                  executionSuccessful: failing.length === 0,
                  toolExecutionNotifications: run.problems.map((p) => ({
                    level: p.type === 'unreadable' && run.skipUnreadable ? 'warning' : 'error',
                    message: { text: `${p.path}: not checked: ${p.reason}` },
                    locations: [{ physicalLocation: physical(p.path) }],
                  })),
                },
              ],
            }
          : {}),
        results: run.files.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: index.get(d.code),
            level: LEVEL[d.severity],
            message: { text: d.message },
            ...(security.has(d.code) ? { properties: security.get(d.code) } : {}),
            locations: [{ physicalLocation: physical(r.path, d.range) }],
            // the other file of a cross-file finding (code scanning links to it)
            ...(d.related?.length
              ? {
                  relatedLocations: d.related.map((x, id) => ({
                    id,
                    message: { text: x.message },
                    physicalLocation: physical(x.path, x.range),
                  })),
                }
              : {}),
          })),
        ),
      },
    ],
  };
}
