// The slice of the built-in git extension's API (`vscode.git`, API version 1) that the Changes view uses.
// Reference: microsoft/vscode extensions/git/src/api/git.d.ts. Types only: status numbers live in changes-nodes.ts.
import type { Event, Uri } from 'vscode';

export interface GitChange {
  /** The new path for a rename, else the file itself. */
  readonly uri: Uri;
  readonly originalUri: Uri;
  readonly renameUri: Uri | undefined;
  readonly status: number;
}

export interface GitUpstreamRef {
  readonly remote: string;
  readonly name: string;
}

export interface GitBranch {
  readonly name?: string;
  readonly commit?: string;
  readonly upstream?: GitUpstreamRef;
}

export interface GitRepositoryState {
  readonly HEAD: GitBranch | undefined;
  readonly mergeChanges: GitChange[];
  readonly indexChanges: GitChange[];
  readonly workingTreeChanges: GitChange[];
  /** Separate from workingTreeChanges when `git.untrackedChanges` is `separate`. */
  readonly untrackedChanges?: GitChange[];
  readonly onDidChange: Event<void>;
}

export interface GitRepository {
  readonly rootUri: Uri;
  readonly state: GitRepositoryState;
  /** `git diff ref1...ref2`: what ref2 changed since its merge-base with ref1. */
  diffBetween(ref1: string, ref2: string): Promise<GitChange[]>;
  /** Undefined (recent versions) or a rejection (older ones) when a ref does not resolve. */
  getMergeBase(ref1: string, ref2: string): Promise<string | undefined>;
  /** Makes the git extension re-read HEAD, the refs and the working tree now; `state` then fires onDidChange. */
  status(): Promise<void>;
}

export type GitApiState = 'uninitialized' | 'initialized';

export interface GitApi {
  readonly state: GitApiState;
  readonly onDidChangeState: Event<GitApiState>;
  readonly repositories: GitRepository[];
  readonly onDidOpenRepository: Event<GitRepository>;
  readonly onDidCloseRepository: Event<GitRepository>;
  /** A `git:` URI for the file as it is at `ref`, which VS Code can open and diff. */
  toGitUri(uri: Uri, ref: string): Uri;
}

export interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: Event<boolean>;
  /** Throws while the extension is disabled. */
  getAPI(version: 1): GitApi;
}
