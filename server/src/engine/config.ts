import { parseYamlValue as parseYaml } from '../yaml/unique-keys';
import { PRESETS, type Preset, type Settings, type SeveritySetting } from './types';

export const CONFIG_FILE = '.shipshape.yaml';
const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);

export interface ConfigFile {
  rules: Record<string, SeveritySetting>;
  preset?: Preset;
  /** `security:` the severity of every security rule not named in `rules`. */
  security?: SeveritySetting;
  selfHostedRunnerLabels?: string[];
  /** Problems found in the file itself, for a message to the user. */
  problems: string[];
}

/**
 * Reads `.shipshape.yaml`:
 * ```yaml
 * preset: hadolint  # hadolint's own severities for the DL rules (explicit `rules` still win)
 * rules:            # severity per rule code or id: off | hint | info | warning | error
 *   DL3008: off
 *   outdated-action: error  # the same rule as WF013
 * security: warning  # every security rule not named above: off | hint | info | warning | error
 * workflow:
 *   self-hosted-runner-labels: [gpu, arm-large]
 * ```
 */
export function parseConfig(text: string): ConfigFile {
  const out: ConfigFile = { rules: {}, problems: [] };
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    out.problems.push(`not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return out;
  }
  if (data === null || data === undefined) return out;
  if (typeof data !== 'object' || Array.isArray(data)) {
    out.problems.push('the top level must be a mapping');
    return out;
  }
  const top = data as Record<string, unknown>;
  for (const key of Object.keys(top))
    if (key !== 'rules' && key !== 'workflow' && key !== 'preset' && key !== 'security')
      out.problems.push(`unknown key "${key}"`);
  if (top.security !== undefined) {
    const sev = top.security === false ? 'off' : String(top.security).toLowerCase();
    if (SEVERITIES.has(sev)) out.security = sev as SeveritySetting;
    else out.problems.push(`security: "${String(top.security)}" is not one of off, hint, info, warning, error`);
  }
  if (top.preset !== undefined) {
    if (PRESETS.includes(top.preset as Preset)) out.preset = top.preset as Preset;
    else out.problems.push(`preset: "${String(top.preset)}" is not one of ${PRESETS.join(', ')}`);
  }
  const rules = top.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [code, value] of Object.entries(rules as Record<string, unknown>)) {
      const sev = value === false ? 'off' : String(value).toLowerCase();
      if (SEVERITIES.has(sev)) out.rules[code] = sev as SeveritySetting;
      else out.problems.push(`rules.${code}: "${String(value)}" is not one of off, hint, info, warning, error`);
    }
  } else if (rules !== undefined) out.problems.push('"rules" must be a mapping of rule code to severity');
  const workflow = top.workflow as Record<string, unknown> | undefined;
  const labels = workflow?.['self-hosted-runner-labels'];
  if (Array.isArray(labels)) out.selfHostedRunnerLabels = labels.map(String);
  return out;
}

/** Editor settings win over the workspace file, which wins over the defaults. */
export function mergeSettings(base: Settings, file: ConfigFile | undefined, editor?: Partial<Settings>): Settings {
  const labels = [
    ...(base.workflow?.selfHostedRunnerLabels ?? []),
    ...(file?.selfHostedRunnerLabels ?? []),
    ...(editor?.workflow?.selfHostedRunnerLabels ?? []),
  ];
  const preset = editor?.preset ?? file?.preset ?? base.preset;
  return {
    ...base,
    ...editor,
    ...(preset ? { preset } : {}),
    rules: { ...base.rules, ...(file?.rules ?? {}), ...(editor?.rules ?? {}) },
    security: editor?.security ?? file?.security ?? base.security,
    workflow: { selfHostedRunnerLabels: labels },
  };
}
