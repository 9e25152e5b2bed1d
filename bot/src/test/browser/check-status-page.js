// Renders Detour's public status page in headless Chromium (Debian's, never a downloaded one), runs axe-core on it
// at each width and saves a screenshot. Run by PublicStatusBrowserIT:
//   node check-status-page.js <request.json>
// request: {"chromium": "/usr/bin/chromium", "screenshots": "<dir>", "widths": [1280, 390],
//           "pages": [{"name": "normal", "url": "http://127.0.0.1:1234/status"}, ...]}
// Prints one JSON object: {"pages": [{"name", "width", "violations": [{"id", "impact", "help", "targets"}],
//   "screenshot", "features", "strips", "metaRefresh", "scripts", "overflowX"}]}
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const puppeteer = require('puppeteer-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function main() {
  const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  fs.mkdirSync(request.screenshots, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'detour-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: request.chromium,
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const results = [];
  try {
    for (const target of request.pages) {
      for (const width of request.widths) {
        for (const scheme of ['light', 'dark']) {
          results.push(await check(browser, target, width, scheme, request.screenshots));
        }
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify({ pages: results }) + '\n');
}

async function check(browser, target, width, scheme, screenshots) {
  const page = await browser.newPage();
  try {
    // The page's own policy forbids scripts; axe is the test's script, not the page's.
    await page.setBypassCSP(true);
    await page.setViewport({ width, height: 900 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const response = await page.goto(target.url, { waitUntil: 'load' });
    if (!response.ok()) {
      throw new Error(target.url + ' answered ' + response.status());
    }
    const facts = await page.evaluate(() => ({
      features: document.querySelectorAll('li.feature').length,
      strips: document.querySelectorAll('svg.strip').length,
      days: document.querySelectorAll('svg.strip rect').length,
      metaRefresh: document.querySelectorAll('meta[http-equiv="refresh" i]').length > 0,
      scripts: document.querySelectorAll('script').length,
      overflowX: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    }));
    await page.addScriptTag({ content: axeSource });
    const axe = await page.evaluate(async () => {
      // Run every rule axe has for WCAG 2.x A/AA plus its best practices.
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')) }));
    });
    const screenshot = path.join(screenshots, `${target.name}-${width}-${scheme}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    return { name: target.name, width, scheme, violations: axe, screenshot, ...facts };
  } finally {
    await page.close();
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
