import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export type Limits = {
  /** Wall-clock time before the process is killed. */
  timeoutMs: number;
  /** Address space the process may take (prlimit --as), in bytes. */
  memoryBytes: number;
  /** Output beyond this many bytes kills the process. */
  maxOutputBytes: number;
};

export type Outcome = {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  /** Stopped by a limit rather than finished. */
  stopped: 'time' | 'output' | null;
};

// util-linux's prlimit (on every Debian) caps the child's memory; without it (macOS) only time and output are capped.
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p)) ?? null;

/**
 * Runs a program on untrusted input in its own process, with time, memory and output limits: a hostile
 * file can make the program loop, allocate or write without end, but not stall or exhaust the app server.
 */
export function runLimited(command: string, args: string[], limits: Limits): Promise<Outcome> {
  // CPU time capped too: should this process die, a looping child still ends.
  const cpuSeconds = Math.ceil(limits.timeoutMs / 1000) + 1;
  const [program, argv] = PRLIMIT ? [PRLIMIT, [`--as=${limits.memoryBytes}`, `--cpu=${cpuSeconds}`, '--', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    // Its own process group, so that a kill reaches whatever it started too (a shell's children hold the pipes open).
    const child = spawn(program, argv, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let stopped: Outcome['stopped'] = null;
    const stop = (why: 'time' | 'output') => {
      stopped ??= why;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone already
      }
    };
    const timer = setTimeout(() => stop('time'), limits.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > limits.maxOutputBytes) stop('output');
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: stderr.slice(0, 4096), stopped });
    });
  });
}
