// Page weight and time to interactive of the page just loaded, from the browser's performance API:
// the navigation and resource timing entries (bytes over the wire and decoded, per request) and the
// client's own mark `solduel-interactive`, set once its settings are loaded and its controls work.
export async function measureLoad(page) {
  await page.waitForLoadState('load');
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const assets = resources.filter((r) => r.name.startsWith(location.origin) && !new URL(r.name).pathname.startsWith('/api/'));
    const calls = resources.filter((r) => !assets.includes(r));
    const sum = (list, key) => list.reduce((total, r) => total + (r[key] || 0), 0);
    const kib = (bytes) => Math.round(bytes / 102.4) / 10;
    const interactive = performance.getEntriesByName('solduel-interactive')[0];
    return {
      requests: 1 + assets.length,
      transferKiB: kib(nav.transferSize + sum(assets, 'transferSize')),
      decodedKiB: kib(nav.decodedBodySize + sum(assets, 'decodedBodySize')),
      assets: [{ name: new URL(nav.name).pathname, bytes: nav.decodedBodySize },
        ...assets.map((r) => ({ name: new URL(r.name).pathname, bytes: r.decodedBodySize }))],
      apiCalls: calls.map((r) => new URL(r.name).pathname),
      responseEndMs: Math.round(nav.responseEnd),
      domInteractiveMs: Math.round(nav.domInteractive),
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      loadMs: Math.round(nav.loadEventEnd),
      interactiveMs: interactive ? Math.round(interactive.startTime) : null,
    };
  });
}
