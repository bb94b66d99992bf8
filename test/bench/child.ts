// Runs a script in its own Node process (TypeScript via tsx) and returns the one JSON result it sends over IPC.
// Measurements that need a clean process (peak RSS) run this way.
import { fork } from 'node:child_process';

export interface ChildOptions {
  args?: string[];
  env?: Record<string, string>;
  /** Give up after this long. */
  timeoutMs?: number;
}

export function runChild<T>(script: string, options: ChildOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(script, options.args ?? [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: { ok: true; value: T } | { ok: false; error: string } | undefined;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${script} took longer than ${options.timeoutMs} ms`));
    }, options.timeoutMs ?? 120_000);
    child.on('message', message => {
      result = message as typeof result;
    });
    child.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', code => {
      clearTimeout(timer);
      if (result?.ok) resolve(result.value);
      else reject(new Error(result ? result.error : `${script} exited with code ${code} and no result`));
    });
  });
}

/** For the child: runs `main`, sends its result (or error) to the parent, and exits. */
export function childMain<T>(main: () => Promise<T>): void {
  main().then(
    value => process.send!({ ok: true, value }, () => process.exit(0)),
    error => process.send!({ ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }, () => process.exit(1)),
  );
}
