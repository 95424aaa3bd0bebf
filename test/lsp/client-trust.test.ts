// The extension's own client says whether the workspace is trusted (the server assumes untrusted when a client says
// nothing): client/src/extension.ts activated against a stand-in `vscode` and language client.
import assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/context';

interface Started {
  options: { initializationOptions?: { trusted?: unknown } };
  notifications: [string, unknown][];
}

/** Anything a module may call or read at activation: every property is another stand-in, every call returns one. */
function standIn(overrides: Record<string | symbol, unknown> = {}): any {
  const target = class {}; // callable and constructible through the traps
  return new Proxy(target, {
    get: (_t, key) => (key in overrides ? overrides[key] : key === 'then' ? undefined : standIn()),
    apply: () => standIn(),
    construct: () => standIn(),
    set: () => true,
    defineProperty: () => true,
  });
}

/** Activates the extension with `isTrusted`; what it passed to the language client, and a grant of trust. */
async function activate(isTrusted: boolean): Promise<{ started: Started; grant: () => void }> {
  const started: Started = { options: {}, notifications: [] };
  const listeners: (() => void)[] = [];
  class LanguageClient {
    constructor(_id: string, _name: string, _server: unknown, options: Started['options']) {
      started.options = options;
    }
    start() {
      return Promise.resolve();
    }
    sendNotification(method: string, params: unknown) {
      started.notifications.push([method, params]);
      return Promise.resolve();
    }
  }
  const vscode = standIn({
    workspace: standIn({
      isTrusted,
      onDidGrantWorkspaceTrust: (f: () => void) => {
        listeners.push(f);
        return { dispose() {} };
      },
    }),
  });
  const client = standIn({ LanguageClient, TransportKind: { ipc: 1, stdio: 0 } });
  const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = mod._load;
  mod._load = (request, ...rest) =>
    request === 'vscode' ? vscode : request === 'vscode-languageclient/node' ? client : load(request, ...rest);
  const file = path.join(REPO_ROOT, 'out', 'client', 'src', 'extension.js');
  try {
    for (const k of Object.keys(require.cache))
      if (k.startsWith(path.join(REPO_ROOT, 'out', 'client'))) delete require.cache[k];
    const ext = require(file) as { activate(context: unknown): Promise<void> };
    await ext.activate(standIn({ subscriptions: [], asAbsolutePath: (p: string) => path.join(REPO_ROOT, p) }));
  } finally {
    mod._load = load;
  }
  return { started, grant: () => listeners.forEach((f) => f()) };
}

describe('client trust', () => {
  it('passes trusted: false from an untrusted workspace, and tells the server when trust is granted', async () => {
    const { started, grant } = await activate(false);
    assert.equal(started.options.initializationOptions?.trusted, false);
    grant();
    assert.deepEqual(started.notifications, [['shipshape/trust', { trusted: true }]]);
  });
  it('passes trusted: true from a trusted workspace', async () => {
    const { started } = await activate(true);
    assert.equal(started.options.initializationOptions?.trusted, true);
  });
});
