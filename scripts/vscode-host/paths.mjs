// Where the offline VS Code host lives. One place, so the installer, the launchers and the demo agree.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** code-server 4.100.3 is VS Code 1.100.3, the last line that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/** The VS Code that this code-server release is built from. */
export const CODE_SERVER_VSCODE_VERSION = '1.100.3';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const hostDir = path.join(projectRoot, '.cache', 'vscode-host', CODE_SERVER_VERSION);
export const codeServerDir = path.join(hostDir, 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');
/** Written last by the installer: its presence means the install finished. */
export const completeMarker = path.join(hostDir, '.complete');

export const chromiumPath = process.env.CX_IMPACT_CHROMIUM ?? '/usr/bin/chromium';
