// The extension's one CodeReader (src/node/code-reader.ts): tree-sitter in worker threads (dist/code-worker.js), the
// grammars from dist/tree-sitter. Made on first use, so activation loads nothing; disposed with the extension.
import * as vscode from 'vscode';
import { CodeReader } from '../node/code-reader';

export class CodeReading implements vscode.Disposable {
  private made: CodeReader | undefined;
  private disposed = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The reader, started on the first question; undefined once disposed. */
  get reader(): CodeReader | undefined {
    if (this.disposed) return undefined;
    this.made ??= new CodeReader({
      wasmDir: vscode.Uri.joinPath(this.extensionUri, 'dist', 'tree-sitter').fsPath,
      workerScript: vscode.Uri.joinPath(this.extensionUri, 'dist', 'code-worker.js').fsPath,
      log: (message) => this.log.warn(message),
    });
    return this.made;
  }

  dispose(): void {
    this.disposed = true;
    this.made?.dispose();
    this.made = undefined;
  }
}
