// Opens review-queue.html in Debian's headless Chromium (through
// playwright-core, which never downloads a browser), applies one filter the
// way a user would (picks it in the filter bar's select), and prints one
// JSON line:
//   {"total":6,"before":{"visible":6,"counter":"6 of 6 items shown"},
//    "after":{"visible":3,"counter":"3 of 6 items shown"},
//    "scriptShownAsText":true,"scriptRan":false,"requests":[],"errors":[]}
// `scriptShownAsText`: the page's visible text contains "<script>" (source
// text shown as text); `scriptRan`: a script from the report's data set
// `window.__pwned`; `requests`: every request that was not for a file: or
// data: URL (each is aborted); `errors`: uncaught page errors and console
// errors. A full-page screenshot is saved to SCREENSHOT.png after filtering.
//
// Usage: node review-queue-browser.js FILE.html SCREENSHOT.png FILTER_KIND FILTER_VALUE
//   FILTER_KIND: owner, pack, rule or confidence. Exit 0 when the page was
//   checked (the caller judges the JSON), 2 on bad arguments, 1 on failure.
'use strict';
const fs = require('fs');
const path = require('path');
const {pathToFileURL} = require('url');
const {chromium} = require('playwright-core');

const kChromium = '/usr/bin/chromium';

// What is visible now: items shown (rendered, not hidden) and the counter.
async function visibleState(page) {
  const visible = await page.$$eval('#items > .item', (items) =>
      items.filter((item) => item.getClientRects().length > 0).length);
  const counter = (await page.textContent('#shown-count')).trim();
  return {visible, counter};
}

async function check(page, file, kind, value) {
  await page.goto(pathToFileURL(path.resolve(file)).href, {waitUntil: 'load'});
  const total = await page.locator('#items > .item').count();
  const before = await visibleState(page);
  const scriptShownAsText = await page.evaluate(() => document.body.innerText.includes('<script>'));
  // selectOption fires input and change as a user's pick does; the page
  // filters in its change handler, before selectOption returns.
  await page.locator(`#filter-${kind}`).selectOption({value});
  const after = await visibleState(page);
  const scriptRan = await page.evaluate(() => window.__pwned !== undefined);
  return {total, before, after, scriptShownAsText, scriptRan};
}

async function main() {
  const [file, screenshot, kind, value] = process.argv.slice(2);
  if (value === undefined || !['owner', 'pack', 'rule', 'confidence'].includes(kind)) {
    console.error('usage: node review-queue-browser.js FILE.html SCREENSHOT.png ' +
                  '(owner|pack|rule|confidence) VALUE');
    process.exit(2);
  }
  if (!fs.existsSync(kChromium)) {
    throw new Error(`${kChromium} is missing: run tools/setup (it installs Debian's chromium)`);
  }
  const browser = await chromium.launch({
    executablePath: kChromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    const requests = [];
    const errors = [];
    // Any request that is not for the page itself is recorded, then aborted.
    const local = (url) => url.startsWith('file:') || url.startsWith('data:');
    context.on('request', (request) => {
      if (!local(request.url())) requests.push(request.url());
    });
    await context.route((url) => !local(url.href), (route) => route.abort());
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const result = await check(page, file, kind, value);
    fs.mkdirSync(path.dirname(path.resolve(screenshot)), {recursive: true});
    await page.screenshot({path: screenshot, fullPage: true});
    console.log(JSON.stringify({...result, requests, errors}));
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`review-queue-browser: ${error.stack || error}`);
  process.exit(1);
});
