import { describe, expect, it } from 'vitest';
import { runLimited } from './run-limited';

const limits = { timeoutMs: 10_000, memoryBytes: 256 * 1024 * 1024, maxOutputBytes: 1 << 20 };

describe('runLimited', () => {
  it('gives back what a program wrote and its exit code', async () => {
    const outcome = await runLimited('sh', ['-c', 'printf hello; printf oops >&2; exit 3'], limits);
    expect(outcome).toEqual({ code: 3, stdout: Buffer.from('hello'), stderr: 'oops', stopped: null });
  });

  it('kills a program that runs past its time', async () => {
    const started = Date.now();
    const outcome = await runLimited('sh', ['-c', 'while :; do :; done'], { ...limits, timeoutMs: 300 });
    expect(outcome.stopped).toBe('time');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('kills a program that writes without end', async () => {
    const outcome = await runLimited('sh', ['-c', 'yes catalogue'], { ...limits, maxOutputBytes: 100_000 });
    expect(outcome.stopped).toBe('output');
    expect(outcome.stdout.length).toBeLessThanOrEqual(100_000);
  });

  it('refuses a program more memory than its limit', async () => {
    // 512 MB asked for under a 256 MB cap: the allocation fails inside the program, which exits with an error.
    const outcome = await runLimited('python3', ['-c', 'x = bytearray(512 * 1024 * 1024); print("allocated")'], limits);
    expect(outcome.code).not.toBe(0);
    expect(outcome.stdout.toString()).toBe('');
    expect(outcome.stderr).toMatch(/MemoryError/);
  });
});
