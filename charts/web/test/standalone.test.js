// A standalone page from charts.WriteHTML works offline: the chart draws on
// a canvas, with no console errors and no request leaving the machine.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const { guard, fixtures, browser, canvasInk } = require('./support');

test('standalone pages draw their charts offline', async (t) => {
  if (!guard(t, ['chromium', 'playwright', 'echarts', 'go'])) return;
  const dir = fixtures();
  const b = await browser();
  try {
    for (const name of ['standalone.html', 'plots.html', 'sched.html']) {
      const file = path.join(dir, name);
      assert.ok(!fs.readFileSync(file, 'utf8').includes('src="http'), `${name} must not load anything from the network`);
      const page = await b.context.newPage();
      await page.goto('file://' + file);
      const chart = page.locator('.fearless-chart[data-fearless-drawn="1"]');
      await chart.first().waitFor({ timeout: 20_000 });
      assert.strictEqual(await chart.count(), 1, `${name}: one chart drawn`);
      // The static picture gave way to the canvas.
      assert.strictEqual(await page.locator('.fearless-chart img').count(), 0, `${name}: static picture replaced`);
      const ink = await canvasInk(chart);
      assert.ok(ink > 2000, `${name}: canvas has drawn content (${ink} non-blank pixels)`);
      await page.screenshot({ path: path.join(dir, name + '.png') });
      await page.close();
    }
    assert.deepStrictEqual(b.log.errors, [], 'no console or page errors');
    assert.deepStrictEqual(b.log.external, [], 'no request for a non-local address');
  } finally {
    await b.close();
    if (!process.env.FEARLESS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
});
