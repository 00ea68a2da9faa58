/* global beforeAll */
// Each integration test file starts on an engine that holds no process instance of an earlier file.
// The files share one engine, and a file that moves the engine clock months ahead would otherwise fire
// every timer the earlier files left behind, and their jobs would queue ahead of its own.
beforeAll(async () => {
  const rest = `${process.env.ENGINE_URL}/engine-rest`;
  // A loaded engine may drop a connection, and one an earlier file restarted may still be starting:
  // try each request for up to a minute.
  const fetch = async (url, init) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await globalThis.fetch(url, init);
      } catch (error) {
        if (attempt >= 30) throw error;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  };
  for (;;) {
    const response = await fetch(`${rest}/process-instance?maxResults=200`);
    if (!response.ok) throw new Error(`engine: listing process instances answered HTTP ${response.status}`);
    const instances = await response.json();
    if (instances.length === 0) return;
    for (const { id } of instances) {
      const deleted = await fetch(
        `${rest}/process-instance/${id}?skipCustomListeners=true&skipIoMappings=true&failIfNotExists=false`,
        { method: 'DELETE' },
      );
      if (!deleted.ok)
        throw new Error(`engine: deleting process instance ${id} answered HTTP ${deleted.status}`);
    }
  }
});
