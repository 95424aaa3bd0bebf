// "Deploy…" and "Tail logs…" above a task definition. Cheap: a regex pre-check, then one
// jsonc parse; the AWS SDK is not loaded for this (only the small taskdef module).
import * as vscode from 'vscode';
import { looksLikeTaskDefinition } from '../aws/taskdef';
import { readSettings } from './context';

export class TaskDefinitionCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted || !readSettings(document.uri).codeLens) return [];
    const text = document.getText();
    if (!looksLikeTaskDefinition(text)) return [];
    const at = text.search(/"(family|containerDefinitions|taskDefinition)"\s*:/);
    const line = document.positionAt(Math.max(0, at)).line;
    const range = new vscode.Range(line, 0, line, 0);
    const lenses = [
      new vscode.CodeLens(range, {
        title: '$(cloud-upload) Deploy…',
        command: 'shipshape.aws.deployTaskDefinition',
        arguments: [document.uri],
        tooltip: 'Register this task definition and update an ECS service to it',
      }),
    ];
    if (/"awslogs-group"\s*:/.test(text)) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: '$(output) Tail logs…',
          command: 'shipshape.aws.tailLogs',
          arguments: [document.uri],
          tooltip: 'Follow the awslogs log group of this task definition',
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
