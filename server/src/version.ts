import * as fs from 'node:fs';
import * as path from 'node:path';

declare const SHIPSHAPE_VERSION: string | undefined;

/**
 * The version of the package, from package.json (the one source): esbuild inlines it into the
 * bundles (`define` in esbuild.mjs); the tsc build the tests load reads package.json above it.
 */
export const VERSION: string = typeof SHIPSHAPE_VERSION === 'string' ? SHIPSHAPE_VERSION : fromPackageJson();

function fromPackageJson(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'shipshape' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here: look further up
    }
    if (path.dirname(dir) === dir) return '0.0.0-dev';
  }
}
