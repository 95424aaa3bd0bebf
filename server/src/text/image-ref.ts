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

/**
 * An image reference's registry and repository path, as compared across files: tag and digest dropped, Docker Hub's
 * `docker.io/` and `library/` dropped, lower-cased. The first segment is the registry when it has a `.` or a `:`, is
 * `localhost`, or holds a variable (`${REGISTRY}/app`: `dynamic`). Undefined when the path itself holds a variable
 * or a placeholder (then nothing can be said).
 */
export function imageRepository(ref: string): { registry?: string; dynamic: boolean; path: string } | undefined {
  const { repo } = repositoryOf(ref);
  const masked = repo.replace(/\$\{\{.*?\}\}|\$\{[^}]*\}/g, (m) => '$'.repeat(m.length));
  const slash = masked.indexOf('/');
  const first = slash < 0 ? '' : masked.slice(0, slash);
  const isRegistry = slash >= 0 && (/[.:$]/.test(first) || first === 'localhost');
  let path = (isRegistry ? repo.slice(slash + 1) : repo).toLowerCase();
  let registry = isRegistry ? repo.slice(0, slash).toLowerCase() : undefined;
  if (registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io')
    registry = undefined;
  if (!registry && path.startsWith('library/')) path = path.slice('library/'.length);
  if (!path || /[$<>{}\s]/.test(path)) return undefined;
  return { registry, dynamic: isRegistry && first.includes('$'), path };
}

/**
 * Whether two references name the same image for the checks across files: the same repository path, and registries
 * that may be the same (equal, one given by a variable, or one without a registry: a local name tagged for the
 * registry at push time, or Docker Hub). Tags and digests are not compared (`app:dev` and `app:1.4` are one image
 * at two versions). Two different literal registries are two images.
 */
export function sameImage(a: string, b: string): boolean {
  const x = imageRepository(a);
  const y = imageRepository(b);
  if (!x || !y || x.path !== y.path) return false;
  return !x.registry || !y.registry || x.dynamic || y.dynamic || x.registry === y.registry;
}
