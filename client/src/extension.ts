import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerAwsCommands } from './aws-commands';
import { registerSnippets } from './snippets/provider';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** The documents the server checks; kinds it cannot tell from the language id are matched by path. */
export const DOCUMENT_SELECTOR: vscode.DocumentFilter[] = [
  { language: 'dockerfile' },
  { language: 'dockerignore' },
  { language: 'ignore', pattern: '**/*.dockerignore' },
  { language: 'ignore', pattern: '**/.dockerignore' },
  { language: 'yaml', pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
  { language: 'dockercompose' },
  { language: 'yaml', pattern: '**/.github/workflows/*.{yml,yaml}' },
  { language: 'github-actions-workflow' },
  { language: 'json' },
  { language: 'jsonc', pattern: '**/*task*def*.json' },
  { language: 'nix' },
];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const outputChannel = vscode.window.createOutputChannel('Shipshape', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...DOCUMENT_SELECTOR.map((f) => ({ scheme: 'file', ...f })).concat(
        DOCUMENT_SELECTOR.map((f) => ({ scheme: 'untitled', ...f })),
      ),
    ] as LanguageClientOptions['documentSelector'],
    outputChannel,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{Dockerfile,*.Dockerfile,Dockerfile.*,Containerfile,.dockerignore,*.yml,*.yaml,*.json,*.nix,flake.lock,.env,.shipshape.yaml,.hadolint.yaml}',
      ),
    },
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      docsPath: context.asAbsolutePath(path.join('docs', 'rules')),
    },
  };
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('shipshape/trust', { trusted: true });
    }),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('shipshape.restartServer', async () => {
      await client?.restart();
    }),
  );
  context.subscriptions.push(vscode.commands.registerCommand('shipshape.showOutput', () => outputChannel.show()));
  registerSnippets(context);
  // The AWS SDK lives in dist/aws.js, loaded on the first AWS command only.
  registerAwsCommands(context, { log: outputChannel, loadAws: async () => require(path.join(__dirname, 'aws.js')) });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
