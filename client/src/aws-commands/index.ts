// The VS Code wiring of the AWS features. The AWS SDK and the logic in ../aws are loaded on
// the first AWS command (dynamic import), never at activation.
import * as vscode from 'vscode';
import { AwsCommandContext, type AwsModule } from './context';
import { DeployCommands } from './deploy';
import { TailCommands } from './tail';
import { SessionCommands } from './session';
import { TaskDefinitionCodeLens } from './codelens';

export interface AwsCommandDeps {
  /**
   * Loads the AWS logic (and with it the AWS SDK) on the first AWS command. The extension passes a
   * require of dist/aws.js, a separate bundle, so activation never loads the SDK.
   */
  loadAws: () => Promise<AwsModule>;
  /** A log channel to write to; default: a new `Shipshape AWS` log output channel. */
  log?: vscode.LogOutputChannel;
}

export const AWS_COMMANDS = {
  deployTaskDefinition: 'shipshape.aws.deployTaskDefinition',
  forceNewDeployment: 'shipshape.aws.forceNewDeployment',
  tailLogs: 'shipshape.aws.tailLogs',
  stopTail: 'shipshape.aws.stopTail',
  clearTail: 'shipshape.aws.clearTail',
  selectProfile: 'shipshape.aws.selectProfile',
  selectRegion: 'shipshape.aws.selectRegion',
  switchSession: 'shipshape.aws.switchSession',
  showLog: 'shipshape.aws.showLog',
} as const;

export function registerAwsCommands(context: vscode.ExtensionContext, deps: AwsCommandDeps): vscode.Disposable {
  const ctx = new AwsCommandContext(context, deps.loadAws, deps.log);
  const deploy = new DeployCommands(ctx);
  const tails = new TailCommands(ctx);
  const session = new SessionCommands(ctx);
  const lenses = new TaskDefinitionCodeLens();
  const c = AWS_COMMANDS;
  const disposables: vscode.Disposable[] = [
    ctx,
    tails,
    session,
    lenses,
    vscode.commands.registerCommand(c.deployTaskDefinition, (uri?: vscode.Uri) => deploy.deployTaskDefinition(uri)),
    vscode.commands.registerCommand(c.forceNewDeployment, () => deploy.forceNewDeployment()),
    vscode.commands.registerCommand(c.tailLogs, (uri?: vscode.Uri) => tails.tailLogs(uri)),
    vscode.commands.registerCommand(c.stopTail, () => tails.stopTail()),
    vscode.commands.registerCommand(c.clearTail, () => tails.clearTail()),
    vscode.commands.registerCommand(c.selectProfile, () => session.selectProfile()),
    vscode.commands.registerCommand(c.selectRegion, () => session.selectRegion()),
    vscode.commands.registerCommand(c.switchSession, () => session.switchSession()),
    vscode.commands.registerCommand(c.showLog, () => ctx.log.show()),
    vscode.languages.registerCodeLensProvider([{ language: 'json' }, { language: 'jsonc' }], lenses),
    vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('shipshape.aws.codeLens')) lenses.refresh();
    }),
  ];
  const all = vscode.Disposable.from(...disposables);
  context.subscriptions.push(all);
  return all;
}
