// The `cx-impact` executable (bundled to dist/cli.js).
import manifest from '../../package.json';
import { run } from './run';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function optionalHomepage(homepage: unknown): { homepage?: string } {
  return typeof homepage === 'string' && /^https?:\/\//.test(homepage) ? { homepage } : {};
}

// Whatever escapes the command (an error in a stream callback): one line and exit 2, as documented, never a stack.
const fatal = (error: unknown): void => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cx-impact: internal error: ${message.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`);
  process.exit(2);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

void run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  version: manifest.version,
  // Optional in package.json (filled in before publishing, see README): read as such.
  ...optionalHomepage((manifest as { homepage?: unknown }).homepage),
}).then((code) => {
  process.exitCode = code;
});
