// A slow phone, as the search tests and `npm run bench` emulate it in Chromium (CDP): 4× slower CPU, 150 ms
// latency and 1.6 Mbit/s each way, a fast-3G-like network.
import type { Page } from 'playwright-core';

export async function throttleLikeASlowPhone(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  const bytesPerSecond = (1.6 * 1024 * 1024) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
}
