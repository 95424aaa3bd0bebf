// Reading ~/.aws/config without the SDK (the status bar must not load it): the region a profile sets.

/** The `region` of `profile` in the text of ~/.aws/config (`[default]` or `[profile name]`), if it sets one. */
export function profileRegion(configText: string, profile: string): string | undefined {
  const want = profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`];
  let inside = false;
  for (const line of configText.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      inside = want.includes(header[1]!.trim().replace(/\s+/g, ' '));
      continue;
    }
    const m = inside ? /^\s*region\s*=\s*([a-z0-9-]+)\s*(?:[#;].*)?$/.exec(line) : null;
    if (m) return m[1];
  }
  return undefined;
}
