/** GitHub-hosted runner labels as of 2026, and labels that used to exist. */
export const GITHUB_HOSTED_LABELS = [
  'ubuntu-latest',
  'ubuntu-24.04',
  'ubuntu-22.04',
  'ubuntu-slim',
  'ubuntu-24.04-arm',
  'ubuntu-22.04-arm',
  'windows-latest',
  'windows-2025',
  'windows-2022',
  'windows-11-arm',
  'macos-latest',
  'macos-26',
  'macos-15',
  'macos-14',
  'macos-15-intel',
  'macos-latest-large',
  'macos-26-large',
  'macos-15-large',
  'macos-14-large',
  'macos-latest-xlarge',
  'macos-26-xlarge',
  'macos-15-xlarge',
  'macos-14-xlarge',
];
/** Labels GitHub has retired, with the year they stopped working. */
export const RETIRED_LABELS: Record<string, string> = {
  'ubuntu-16.04': '2021',
  'ubuntu-18.04': '2023',
  'ubuntu-20.04': '2025',
  'windows-2016': '2022',
  'windows-2019': '2025',
  'macos-10.15': '2022',
  'macos-11': '2024',
  'macos-12': '2024',
  'macos-13': '2025',
  'macos-13-large': '2025',
  'macos-13-xlarge': '2025',
};
/** Labels every self-hosted runner carries automatically. */
export const SELF_HOSTED_DEFAULT_LABELS = ['self-hosted', 'linux', 'windows', 'macos', 'x64', 'x86', 'arm', 'arm64'];

/** Larger GitHub-hosted runners named after the default image and their size (`ubuntu-latest-16-cores`). */
export const LARGER_RUNNER = /^(ubuntu|windows)-(latest|\d+(\.\d+)?)-\d+-cores$/;

/** The operating system a label stands for, when it names one. */
export function osOfLabel(label: string): 'linux' | 'windows' | 'macos' | undefined {
  const l = label.toLowerCase();
  if (l === 'linux' || l.startsWith('ubuntu')) return 'linux';
  if (l === 'windows' || l.startsWith('windows')) return 'windows';
  if (l === 'macos' || l.startsWith('macos')) return 'macos';
  return undefined;
}
