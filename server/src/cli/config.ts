import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../engine/config';
import type { Settings } from '../engine/types';

/** A configuration problem the CLI cannot go on with (exit 2). */
export class ConfigError extends Error {}

/**
 * The `exclude:` list of a `.shipshape.yaml`: globs with .gitignore's syntax, relative to the
 * file's folder. The CLI reads it itself (the engine's reader knows rules and workflow options).
 */
export function readExcludes(text: string, file: string): string[] {
  let data: unknown;
  try {
    data = parseYaml(text, { uniqueKeys: false });
  } catch {
    return []; // the engine's reader reports the YAML error
  }
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>).exclude : undefined;
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new ConfigError(`${file}: "exclude" must be a list of globs`);
}

/** The engine's reader does not know `exclude:` (the CLI's): drop that one complaint. */
export function withoutExcludeProblem(problems: string[]): string[] {
  return problems.filter((p) => p !== 'unknown key "exclude"');
}

/**
 * A message the service logs about a config file, without the complaint about `exclude:`;
 * undefined when nothing else is left to say.
 */
export function filterConfigLog(message: string): string | undefined {
  const m = /^(.*\.shipshape\.yaml): (.*)$/s.exec(message);
  if (!m) return message;
  const left = withoutExcludeProblem(m[2].split('; '));
  return left.length ? `${m[1]}: ${left.join('; ')}` : undefined;
}

/** `--config FILE`: its rules and options for every file (instead of the nearest `.shipshape.yaml`). */
export function forcedSettings(text: string, file: string): Partial<Settings> {
  const config = parseConfig(text);
  const problems = withoutExcludeProblem(config.problems);
  if (problems.length) throw new ConfigError(`${file}: ${problems.join('; ')}`);
  return {
    rules: config.rules,
    ...(config.security ? { security: config.security } : {}),
    workflow: { selfHostedRunnerLabels: config.selfHostedRunnerLabels },
    ...(config.preset ? { preset: config.preset } : {}),
  };
}
