import * as vscode from 'vscode';

/** What the extension exports to other extensions and to its own integration tests. */
export interface CxImpactApi {
  /** Map files found in the workspace, as URIs (strings), once discovery has run. */
  mapFiles(): Promise<string[]>;
}

export function activate(context: vscode.ExtensionContext): CxImpactApi {
  const output = vscode.window.createOutputChannel('CX Impact', { log: true });
  context.subscriptions.push(output);
  output.info('CX Impact activated');
  return {
    async mapFiles() {
      const found = await vscode.workspace.findFiles('**/cx-map.{yaml,yml}', '**/node_modules/**');
      return found.map((uri) => uri.toString()).sort();
    },
  };
}

export function deactivate(): void {}
