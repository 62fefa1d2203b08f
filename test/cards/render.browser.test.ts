// Renders the welcome card with the real adaptivecards renderer in headless Chromium, as Teams does,
// and checks what a person sees. Needs Debian's chromium (.ci/run installs it when absent).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { welcomeCard } from '../../cards/welcome.ts';
import { CHROMIUM_PATH, chromiumAvailable, launchChromium, openCardPage, showCard } from '../../scripts/render-cards.ts';

describe.skipIf(!chromiumAvailable())(`welcome card in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`, () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openCardPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the greeting and the three buttons, visible and inside the message', async () => {
    const frame = await showCard(page, welcomeCard({ scope: 'personal', name: 'Anna', roles: ['vpa'] }));
    await expect.poll(() => frame.getByText('Hallo Anna!').isVisible()).toBe(true);

    const buttons = frame.getByRole('button');
    expect(await buttons.allInnerTexts()).toEqual(['Hilfe', 'Kunde abgeben', 'Kunden melden']);
    const frameBox = await frame.boundingBox();
    for (const title of ['Hilfe', 'Kunde abgeben', 'Kunden melden']) {
      const button = frame.getByRole('button', { name: title, exact: true });
      expect(await button.isVisible(), title).toBe(true);
      const box = await button.boundingBox();
      // Fully inside the bubble, with room for the whole title (not cut off with an ellipsis).
      expect(box && frameBox && box.x >= frameBox.x && box.x + box.width <= frameBox.x + frameBox.width, title).toBe(true);
      expect(await button.evaluate((el) => el.scrollWidth <= el.clientWidth), `${title} is truncated`).toBe(true);
    }
  });

  it('shows only the Hilfe button to someone without roles', async () => {
    const frame = await showCard(page, welcomeCard({ scope: 'personal', name: undefined, roles: [] }));
    expect(await frame.getByRole('button').allInnerTexts()).toEqual(['Hilfe']);
    expect(await frame.getByText('wende dich an das Admin-Team', { exact: false }).isVisible()).toBe(true);
  });
});
