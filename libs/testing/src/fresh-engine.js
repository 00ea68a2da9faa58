/* global beforeAll */
// Each integration test file starts on an engine that holds no process instance of an earlier file.
// The files share one engine, and a file that moves the engine clock months ahead would otherwise fire
// every timer the earlier files left behind, and their jobs would queue ahead of its own.
beforeAll(async () => {
  const rest = `${process.env.ENGINE_URL}/engine-rest`;
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
