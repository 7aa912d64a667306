// What the extension shows and what fails unseen, recorded for the resilience tests. The test modules live in the
// extension's folder, so VS Code hands them the same `vscode` API object as the extension: wrapping its
// show*Message functions records every notification CX Impact asks for (and still shows it).
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export interface Shown {
  kind: 'error' | 'warning' | 'information';
  message: string;
}

export interface Recorder extends vscode.Disposable {
  readonly shown: Shown[];
  /** Promise rejections nobody handled (in the whole extension host) while recording. */
  readonly rejections: string[];
  /** The notifications shown more than once with the same text: a stream, not a message. */
  repeated(): Shown[];
  clear(): void;
}

type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;

export function record(): Recorder {
  const shown: Shown[] = [];
  const rejections: string[] = [];
  const window = vscode.window as unknown as Record<string, Show>;
  const originals = new Map<string, Show>();
  const kinds = {
    showErrorMessage: 'error',
    showWarningMessage: 'warning',
    showInformationMessage: 'information',
  } as const;
  for (const [name, kind] of Object.entries(kinds)) {
    const original = window[name];
    if (!original) continue;
    originals.set(name, original);
    window[name] = (message: string, ...rest: unknown[]) => {
      shown.push({ kind, message });
      return original.call(vscode.window, message, ...rest);
    };
  }
  const onRejection = (reason: unknown): void => {
    rejections.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  };
  process.on('unhandledRejection', onRejection);
  return {
    shown,
    rejections,
    repeated: () => shown.filter((s, i) => shown.findIndex((t) => t.kind === s.kind && t.message === s.message) !== i),
    clear: () => {
      shown.length = 0;
      rejections.length = 0;
    },
    dispose: () => {
      for (const [name, original] of originals) window[name] = original;
      process.off('unhandledRejection', onRejection);
    },
  };
}

/** The calls the launch's logging `git` saw (CX_IMPACT_GIT_LOG): one `cwd \t args \t parent command` a line. */
export function gitCalls(): string[] | undefined {
  const log = process.env.CX_IMPACT_GIT_LOG;
  if (!log) return undefined;
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** CX Impact's own git calls all start with these options (src/node/git.ts); VS Code's git extension's do not. */
export function isCxImpactCall(line: string): boolean {
  return (line.split('\t')[1] ?? '').startsWith('-c core.quotepath=off -c core.fsmonitor=false');
}
