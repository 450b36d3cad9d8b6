// Chart outputs in a real JupyterLab (the project's venv), served the
// ECharts library by the fearless_charts server extension, offline:
//  - a trusted notebook with two chart outputs draws both, loading the
//    library once, with no console errors;
//  - so does the same notebook in Notebook 7, served by the same server;
//  - the same outputs in an untrusted notebook show the static pictures;
//  - an nbconvert HTML export shows the static pictures.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const { guard, fixtures, browser, canvasInk, startLab, jupyter } = require('./support');

const NEEDS = ['chromium', 'playwright', 'echarts', 'go', 'jupyter'];
let dir, lab, b;

before(async () => {
  if (!guard({ skip() {} }, NEEDS)) return;
  dir = fixtures();
  const sizes = JSON.parse(fs.readFileSync(path.join(dir, 'sizes.json'), 'utf8'));
  for (const [name, n] of Object.entries(sizes)) assert.ok(n < 100_000, `${name} output is ${n} bytes, want well under 100 KB`);
  jupyter(dir, ['trust', 'trusted.ipynb']);
  lab = await startLab(dir);
  b = await browser();
});

after(async () => {
  if (b) await b.close();
  if (lab) await lab.stop();
  if (dir && !process.env.FEARLESS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
});

// openNotebook opens a notebook in JupyterLab and waits for its outputs.
async function openNotebook(name) {
  const page = await b.context.newPage();
  const libraryLoads = [];
  page.on('request', (r) => { if (r.url().includes('/fearless/echarts.min.js')) libraryLoads.push(r.url()); });
  // A workspace per notebook: JupyterLab would otherwise reopen the other one.
  await page.goto(`${lab.base}lab/workspaces/${name.replace('.', '-')}/tree/${name}?reset&token=${lab.token}`);
  await page.locator('.jp-OutputArea-output').nth(1).waitFor({ timeout: 60_000 });
  return { page, libraryLoads };
}

test('trusted notebook: both charts drawn, library loaded once, no errors', async (t) => {
  if (!guard(t, NEEDS)) return;
  const { page, libraryLoads } = await openNotebook('trusted.ipynb');
  const drawn = page.locator('.jp-OutputArea-output .fearless-chart[data-fearless-drawn="1"]');
  await drawn.nth(1).waitFor({ timeout: 30_000 });
  assert.strictEqual(await drawn.count(), 2, 'two charts drawn');
  for (let i = 0; i < 2; i++) {
    const ink = await canvasInk(drawn.nth(i));
    assert.ok(ink > 2000, `chart ${i + 1} has drawn content (${ink} non-blank pixels)`);
  }
  assert.strictEqual(libraryLoads.length, 1, `library requested once per page (${libraryLoads.join(', ')})`);
  await page.screenshot({ path: path.join(dir, 'trusted.png'), fullPage: true });
  assert.deepStrictEqual(b.log.errors, [], 'no console or page errors');
  assert.deepStrictEqual(b.log.external, [], 'no request for a non-local address');
  await page.close();
});

test('Notebook 7 (same server): the trusted notebook draws both charts', async (t) => {
  if (!guard(t, NEEDS)) return;
  const page = await b.context.newPage();
  const libraryLoads = [];
  const mark = b.log.errors.length;
  page.on('request', (r) => { if (r.url().includes('/fearless/echarts.min.js')) libraryLoads.push(r.url()); });
  await page.goto(`${lab.base}notebooks/trusted.ipynb?token=${lab.token}`);
  const drawn = page.locator('.jp-OutputArea-output .fearless-chart[data-fearless-drawn="1"]');
  await drawn.nth(1).waitFor({ timeout: 60_000 });
  assert.strictEqual(await drawn.count(), 2, 'two charts drawn');
  for (let i = 0; i < 2; i++) assert.ok(await canvasInk(drawn.nth(i)) > 2000, `chart ${i + 1} has drawn content`);
  assert.strictEqual(libraryLoads.length, 1, 'library requested once per page');
  // Notebook 7.6.5 under a JupyterLab server reports two errors of its own
  // (its settings schema and a file-browser command): not ours, left alone.
  const notebookOwn = /reading 'schema'|filebrowser:open-path/;
  const errors = b.log.errors.splice(mark).filter((e) => !notebookOwn.test(e));
  assert.deepStrictEqual(errors, [], 'no console or page errors from the charts');
  assert.deepStrictEqual(b.log.external, [], 'no request for a non-local address');
  await page.close();
});

test('untrusted notebook: the static pictures show', async (t) => {
  if (!guard(t, NEEDS)) return;
  const { page, libraryLoads } = await openNotebook('untrusted.ipynb');
  const pics = page.locator('.jp-OutputArea-output img[alt*="static picture"]');
  await pics.nth(1).waitFor({ timeout: 30_000 });
  assert.strictEqual(await pics.count(), 2, 'two static pictures');
  for (let i = 0; i < 2; i++) {
    const size = await pics.nth(i).evaluate(async (img) => {
      if (!img.complete) await new Promise((r) => { img.onload = r; img.onerror = r; });
      const r = img.getBoundingClientRect();
      return { natural: img.naturalWidth, shown: r.width * r.height };
    });
    assert.ok(size.natural > 0 && size.shown > 10_000, `picture ${i + 1} decoded and visible (${JSON.stringify(size)})`);
  }
  assert.strictEqual(await page.locator('.jp-OutputArea-output canvas').count(), 0, 'no interactive chart in an untrusted notebook');
  assert.strictEqual(libraryLoads.length, 0, 'no library load for untrusted output');
  await page.screenshot({ path: path.join(dir, 'untrusted.png'), fullPage: true });
  assert.deepStrictEqual(b.log.errors, [], 'no console or page errors');
  assert.deepStrictEqual(b.log.external, [], 'no request for a non-local address');
  await page.close();
});

test('nbconvert HTML export: the static pictures show', async (t) => {
  if (!guard(t, NEEDS)) return;
  jupyter(dir, ['nbconvert', '--to', 'html', '--output-dir', path.join(dir, 'export'), 'trusted.ipynb']);
  const file = path.join(dir, 'export', 'trusted.html');
  const page = await b.context.newPage();
  const before = { errors: b.log.errors.length, external: b.log.external.length };
  await page.goto('file://' + file);
  const pics = page.locator('.fearless-chart img[alt*="static picture"]');
  await pics.nth(1).waitFor({ timeout: 30_000 });
  assert.strictEqual(await pics.count(), 2, 'two static pictures');
  for (let i = 0; i < 2; i++) {
    const w = await pics.nth(i).evaluate((img) => img.naturalWidth);
    assert.ok(w > 0, `picture ${i + 1} decoded`);
  }
  await page.screenshot({ path: path.join(dir, 'export.png'), fullPage: true });
  // The export's own template may ask a CDN for its scripts (blocked here);
  // nothing of ours may, and nothing may throw.
  const external = b.log.external.slice(before.external);
  assert.ok(!external.some((u) => u.includes('echarts')), `no chart asset requested from the network: ${external}`);
  const errors = b.log.errors.slice(before.errors).filter((e) => !/Failed to load resource|ERR_BLOCKED_BY_CLIENT/.test(e));
  assert.deepStrictEqual(errors, [], 'no console or page errors besides the template\'s blocked CDN requests');
  await page.close();
});
