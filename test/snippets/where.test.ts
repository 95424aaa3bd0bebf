// Whole-file snippets are offered only where a whole file fits: an empty (or comments-only) document, or
// the top level of a YAML file or a Dockerfile; never inside a value.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { wholeFileFits, wordBefore, yamlSnippetFilesFor } from '../../client/src/snippets/where';

/** `|` marks the cursor. */
function fits(textWithCursor: string, format: Parameters<typeof wholeFileFits>[2]): boolean {
  const offset = textWithCursor.indexOf('|');
  return wholeFileFits(textWithCursor.replace('|', ''), offset, format);
}

describe('where a whole-file snippet fits', () => {
  it('an empty document, or one with only the prefix and comments', () => {
    assert.equal(fits('|', 'yaml'), true);
    assert.equal(fits('compose-po|', 'yaml'), true);
    assert.equal(fits('# my stack\n\ncompose|\n', 'yaml'), true);
    assert.equal(fits('// a task definition\ne|', 'json'), true);
    assert.equal(fits('/* flake */\nflake|', 'nix'), true);
    assert.equal(fits('# ignore\ndocker|', 'dockerignore'), true);
  });

  it('never inside a value', () => {
    const workflow = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n';
    assert.equal(
      fits(`${workflow}      - uses: docker/build-push-action@v6\n        with:\n          target: gha|`, 'yaml'),
      false,
    );
    assert.equal(fits('services:\n  web:\n    image: compose|\n', 'yaml'), false);
    assert.equal(fits('services:\n  web:\n    compose|\n', 'yaml'), false);
    assert.equal(fits('{ "family": "ecs|" }', 'json'), false);
    assert.equal(fits('{\n  "family": "web",\n  ecs|\n}', 'json'), false);
    assert.equal(fits('FROM node:20\nRUN npm ci && \\\ndocker|\n', 'dockerfile'), false);
    assert.equal(fits('FROM node:20\nRUN docker|\n', 'dockerfile'), false);
    assert.equal(fits('{ pkgs }: {\n  flake|\n}', 'nix'), false);
    assert.equal(fits('node_modules\ndocker|', 'dockerignore'), false);
    assert.equal(fits('x: [\ngha|', 'yaml'), false);
  });

  it('at the top level of a YAML file or a Dockerfile', () => {
    assert.equal(fits('services:\n  web:\n    image: nginx:1.27\ncompose|', 'yaml'), true);
    assert.equal(fits('FROM node:20 AS build\nRUN npm ci\ndocker|', 'dockerfile'), true);
  });

  it('reads the prefix being typed', () => {
    assert.deepEqual(wordBefore('x: gha-ecs', 10), { start: 3, word: 'gha-ecs' });
  });

  it('offers the YAML snippets that suit the file', () => {
    assert.deepEqual(yamlSnippetFilesFor('/w/compose.yaml'), ['compose.json']);
    assert.deepEqual(yamlSnippetFilesFor('/w/docker-compose.prod.yml'), ['compose.json']);
    assert.deepEqual(yamlSnippetFilesFor('/w/.github/workflows/ci.yml'), ['workflow.json']);
    assert.deepEqual(yamlSnippetFilesFor('/w/appspec.yaml'), ['appspec.json']);
    assert.equal(yamlSnippetFilesFor('/w/new.yaml').length, 3);
  });
});
