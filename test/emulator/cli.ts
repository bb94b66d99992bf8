// `npm run emulator`: starts the emulator on 127.0.0.1, prints how to use it, and stops
// cleanly (exit code 0) on Ctrl-C or SIGTERM.

import { banner } from './banner';
import { USAGE, UsageError, parseCliArgs } from './cliArgs';
import { startEmulator } from './server';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }

  const emulator = await startEmulator(options);
  process.stdout.write(`${banner(emulator)}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130); // a second Ctrl-C: do not wait
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the emulator…\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The emulator could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
