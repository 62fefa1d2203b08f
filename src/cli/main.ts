// `npm run cli -- <command>`: the CLI with the process's environment and output.
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2));
