/** What /readyz needs to know: whether the process is shutting down, the search index, the database. */
export type ReadinessInputs = {
  draining: boolean;
  /** The IndexStore lib/data/catalogue.ts keeps on globalThis, once that module has loaded. */
  store: { ready: boolean } | undefined;
  /** Resolves when the database answers. */
  pingDatabase: () => Promise<unknown>;
};

/** Null when the instance can take traffic, else why not (the body of the 503). */
export async function notReadyBecause({ draining, store, pingDatabase }: ReadinessInputs): Promise<string | null> {
  if (draining) return 'shutting down';
  if (!store?.ready) return 'search index not loaded yet';
  try {
    await pingDatabase();
    return null;
  } catch {
    return 'database unreachable';
  }
}
