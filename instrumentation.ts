/** Runs once as a server starts (Next's instrumentation hook), before it takes requests. */
export async function register(): Promise<void> {
  // Next writes NEXT_RUNTIME into each bundle at build time: an edge bundle then leaves the database code out.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { warmCatalogueIndex } = await import('@/lib/data/catalogue');
    // Not awaited: the server must listen (and answer health checks) while the index loads.
    warmCatalogueIndex();
  }
}
