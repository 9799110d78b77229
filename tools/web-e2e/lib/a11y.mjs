// Accessibility checks run inside the page (no extra packages): every form control has a label,
// every button and link a name, every image/graphic a text alternative; the page has a language and
// one h1 per view; text contrast meets WCAG 2 AA (4.5:1, 3:1 for large text); touch targets are at
// least 44 px high; and the Tab key walks the controls in reading order, the skip link first.
export async function auditAccessibility(page, { tabs = 8 } = {}) {
  const findings = await page.evaluate(() => {
    const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const describe = (e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''}`;
    const named = (e) => (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.textContent.trim() || e.title || '').length > 0;
    const controls = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(visible);
    const unlabeled = controls.filter((c) => !(c.labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby'))).map(describe);
    const unnamed = [...document.querySelectorAll('button, a[href]')].filter(visible).filter((e) => !named(e)).map(describe);
    const noAlt = [...document.querySelectorAll('img:not([alt]), svg[role=img]:not(:has(title))')].map(describe);
    const h1s = [...document.querySelectorAll('h1')].filter(visible).length;

    const rgb = (text) => (text.match(/[\d.]+/g) || []).map(Number);
    const luminance = ([r, g, b]) => {
      const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const background = (e) => {
      for (let n = e; n; n = n.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(n).backgroundColor);
        if (a > 0.5) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const lowContrast = [];
    let checked = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const e = node.parentElement;
      if (!node.textContent.trim() || !visible(e)) continue;
      const style = getComputedStyle(e);
      const ratioOf = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      let ratio = ratioOf(luminance(rgb(style.color)), luminance(background(e)));
      if (Number(style.opacity) < 1 || e.closest('button:disabled')) continue; // disabled controls are exempt (WCAG 1.4.3)
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      checked++;
      ratio = Math.round(ratio * 100) / 100;
      if (ratio < (large ? 3 : 4.5)) lowContrast.push(`${describe(e)} "${node.textContent.trim().slice(0, 30)}" ${ratio}:1`);
    }
    const smallTargets = [...document.querySelectorAll('button, .button, select')].filter(visible)
      .filter((e) => e.getBoundingClientRect().height < 44).map(describe);
    return { unlabeled, unnamed, noAlt, lang: document.documentElement.lang, h1s, lowContrast, textNodesChecked: checked, smallTargets };
  });
  // Keyboard: Tab from the top of the page and record where focus lands.
  // Start from the top: focus a temporary element before everything, as a fresh page load would.
  await page.evaluate(() => {
    document.activeElement?.blur();
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.id = 'a11y-start';
    document.body.prepend(start);
    start.focus();
    window.scrollTo(0, 0);
  });
  const focusOrder = [];
  await page.keyboard.press('Tab');
  await page.evaluate(() => document.getElementById('a11y-start')?.remove());
  for (let i = 0; i < tabs; i++) {
    focusOrder.push(await page.evaluate(() => {
      const e = document.activeElement;
      const text = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().slice(0, 24);
      const outline = getComputedStyle(e).outlineStyle;
      return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${text}"${outline === 'none' ? ' (no focus ring)' : ''}`;
    }));
    await page.keyboard.press('Tab');
  }
  const issues = findings.unlabeled.length + findings.unnamed.length + findings.noAlt.length + findings.lowContrast.length
    + findings.smallTargets.length + (findings.lang ? 0 : 1) + (findings.h1s === 1 ? 0 : 1)
    + (focusOrder[0]?.includes('Skip to content') ? 0 : 1) + focusOrder.filter((f) => f.includes('no focus ring')).length;
  return { ...findings, focusOrder, summary: { issues, textNodesChecked: findings.textNodesChecked, focusStops: focusOrder.length } };
}
