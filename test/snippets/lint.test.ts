// Every snippet, expanded with its defaults, passes Shipshape's own checks: no error and no
// warning from the service (the same one the editor and the CLI use). The expansion sits in a
// small in-memory workspace made of the other snippets (a Dockerfile, a .dockerignore, a
// flake.lock) for the cross-file rules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { memoryService } from '../helpers/context';
import { loadSnippets } from './catalog';

const snippets = loadSnippets();
const dockerfile = snippets.find((s) => s.prefix === 'docker-node')!.expanded;
const dockerignore = snippets.find((s) => s.prefix === 'dockerignore')!.expanded;
/** What `nix flake lock` writes for the flake snippets' single nixpkgs input. */
const flakeLock = JSON.stringify(
  {
    nodes: {
      nixpkgs: {
        locked: {
          lastModified: 1764000000,
          narHash: 'sha256-8wkkYGr1dPSnX9oVMX8D6dTOROXKOYpBTKfriA0sEBI=',
          owner: 'NixOS',
          repo: 'nixpkgs',
          rev: '0123456789abcdef0123456789abcdef01234567',
          type: 'github',
        },
        original: { owner: 'NixOS', ref: 'nixos-unstable', repo: 'nixpkgs', type: 'github' },
      },
      root: { inputs: { nixpkgs: 'nixpkgs' } },
    },
    root: 'root',
    version: 7,
  },
  null,
  2,
);

describe('snippets pass our own checks', () => {
  for (const s of snippets) {
    it(`${s.prefix} (${s.checkPath}) has no error or warning`, (t) => {
      const file = `/ws/${s.checkPath}`;
      const files: Record<string, string> = {
        '/ws/Dockerfile': dockerfile,
        '/ws/.dockerignore': dockerignore,
        '/ws/package.json': '{}\n',
        '/ws/flake.lock': flakeLock,
        [file]: s.expanded,
      };
      const service = memoryService(files);
      const result = service.validate({ path: file, text: s.expanded }, service.settingsFor(file, DEFAULT_SETTINGS), {
        trusted: false,
      });
      if (!result.kind) {
        // appspec.yaml and ECS service JSON are not document kinds Shipshape checks (yet).
        t.skip(`${s.checkPath} is not a kind Shipshape checks`);
        return;
      }
      const bad = result.findings
        .filter((f) => f.severity === 'error' || f.severity === 'warning')
        .map((f) => `${result.lines.position(f.start).line + 1}: ${f.severity} ${f.message} [${f.code}]`);
      assert.deepEqual(bad, []);
    });
  }
});
