/** Image references as written in workflows, task definitions and compose files. */

/**
 * The repository of an image reference (without tag or digest), and its last path segment; `${{ }}` may hold colons.
 */
export function repositoryOf(ref: string): { repo: string; name: string } {
  const r = ref.trim();
  const masked = r.replace(/\$\{\{.*?\}\}|\$\{[^}]*\}/g, (m) => 'x'.repeat(m.length));
  let end = masked.indexOf('@');
  if (end < 0) end = masked.length;
  const slash = masked.lastIndexOf('/', end);
  const colon = masked.lastIndexOf(':', end);
  if (colon > slash) end = colon;
  const repo = r.slice(0, end);
  return { repo, name: repo.slice(repo.lastIndexOf('/') + 1) };
}
