// A course notebook as a learner meets it: opened in real JupyterLab on the
// fearless kernel (the user's, installed from this checkout, or else one
// installed into a temporary prefix), never run before, "Run All Cells" clicked; every cell must run
// without an error and every chart it shows must be drawn.
//
// FEARLESS_COURSE_NOTEBOOK names other notebooks of notebooks/ to open, comma-separated
// (default 04-threads.ipynb, 09-deadlocks.ipynb and 14-async.ipynb: one from each third of the course).
'use strict';

const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { execFileSync } = require('node:child_process');
const { ROOT, VENV, guard, browser, canvasInk, startLab } = require('./support');

const NAMES = (process.env.FEARLESS_COURSE_NOTEBOOK || '04-threads.ipynb,09-deadlocks.ipynb,14-async.ipynb').split(',').map((s) => s.trim()).filter(Boolean);

// A code cell that calls one of these shows at least one chart.
const SHOWS_CHART = /charts\.(Show|ShowScheduler)\(|\.Display\(\)|explore\.Runs\(/;

// kernelPath returns a Jupyter data directory holding the fearless
// kernelspec: the user's, when `make install` (which `make test-browser`
// runs first) has installed it from this checkout, else a fresh install into
// dir.
function kernelPath(dir) {
  try {
    const specs = JSON.parse(execFileSync(path.join(VENV, 'bin', 'jupyter'), ['kernelspec', 'list', '--json'], { encoding: 'utf8' })).kernelspecs;
    const spec = specs.fearless && JSON.parse(fs.readFileSync(path.join(specs.fearless.resource_dir, 'kernel.json'), 'utf8'));
    const root = spec && spec.argv[spec.argv.indexOf('--root') + 1];
    if (root && fs.realpathSync(root) === fs.realpathSync(ROOT)) return path.dirname(path.dirname(specs.fearless.resource_dir));
  } catch { /* not installed: install below */ }
  const prefix = path.join(dir, 'prefix');
  execFileSync('go', ['run', './kernel/cmd/fearless', 'install', '--prefix', prefix], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return path.join(prefix, 'share', 'jupyter');
}

for (const NAME of NAMES) test(`course notebook ${NAME}: Run All in JupyterLab runs every cell and draws every chart`, { timeout: 300_000 }, async (t) => {
  if (!guard(t, ['chromium', 'playwright', 'echarts', 'go', 'jupyter'])) return;
  const source = path.join(ROOT, 'notebooks', NAME);
  assert.ok(fs.existsSync(source), `${source} exists`);
  const nb = JSON.parse(fs.readFileSync(source, 'utf8'));
  const code = nb.cells.filter((c) => c.cell_type === 'code');
  const text = (c) => (Array.isArray(c.source) ? c.source.join('') : c.source);
  const failing = code.filter((c) => (c.metadata.tags || []).includes('raises-exception')).length;
  const charted = code.filter((c) => SHOWS_CHART.test(text(c))).length;
  assert.ok(charted > 0, 'the notebook shows charts');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fearless-course-'));
  const t0 = Date.now();
  const phases = [];
  const phase = (name) => phases.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let lab, b;
  try {
    const kernels = kernelPath(dir);
    const labDir = path.join(dir, 'lab');
    fs.mkdirSync(labDir);
    fs.copyFileSync(source, path.join(labDir, NAME));
    // JupyterLab renders only the cells in view by default; render them all,
    // so that every prompt and every chart is on the page.
    const settings = path.join(labDir, 'config', 'lab', 'user-settings', '@jupyterlab', 'notebook-extension');
    fs.mkdirSync(settings, { recursive: true });
    fs.writeFileSync(path.join(settings, 'tracker.jupyterlab-settings'), JSON.stringify({ windowingMode: 'none' }));
    phase('kernelspec ready');
    lab = await startLab(labDir, { JUPYTER_PATH: kernels });
    phase('lab up');
    b = await browser();
    const page = await b.context.newPage();
    await page.goto(`${lab.base}lab/workspaces/course/tree/${NAME}?reset&token=${lab.token}`);
    const prompts = page.locator('.jp-Notebook .jp-CodeCell .jp-InputPrompt');
    const outputs = page.locator('.jp-Notebook .jp-OutputArea-output');
    try {
      await page.getByText(/^Go \(Fearless\) \| (Idle|Busy|Unknown)$/).waitFor({ timeout: 120_000 });
      phase('kernel connected');
      await page.getByRole('menuitem', { name: 'Run', exact: true }).click();
      await page.getByRole('menuitem', { name: /^Run All Cells/ }).click();
      // Every code cell has run once its prompt shows a number.
      for (const deadline = Date.now() + 150_000; ;) {
        const done = (await prompts.allInnerTexts()).filter((p) => /^\[\d+\]:$/.test(p.trim())).length;
        if (done === code.length) break;
        if (Date.now() > deadline) throw new Error(`${done} of ${code.length} code cells ran within 150 s`);
        await new Promise((r) => setTimeout(r, 500));
      }
    } catch (err) {
      await page.screenshot({ path: path.join(dir, 'failed.png'), fullPage: true }).catch(() => {});
      const seen = (await prompts.allInnerTexts().catch(() => [])).join(' ');
      throw new Error(`${err.message}\nprompts: ${seen}\n(screenshot: ${dir}/failed.png; keep it with FEARLESS_KEEP=1)`);
    }
    phase('all cells run');
    // Count cells, not outputs: one failing cell's stderr may arrive as several outputs (a goroutine dump).
    const errors = await page.locator('.jp-Notebook .jp-CodeCell:has(.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]) .jp-OutputArea').allInnerTexts();
    assert.ok(errors.length <= failing, `stderr or errors only from the ${failing} cells that fail on purpose, got ${errors.length} cells:\n${errors.join('\n---\n').slice(0, 3000)}`);

    const charts = page.locator('.jp-Notebook .jp-OutputArea-output .fearless-chart');
    const drawn = page.locator('.jp-Notebook .jp-OutputArea-output .fearless-chart[data-fearless-drawn="1"]');
    await drawn.nth(charted - 1).waitFor({ timeout: 30_000 });
    for (const deadline = Date.now() + 15_000; await drawn.count() < await charts.count() && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const n = await charts.count();
    assert.ok(n >= charted, `${n} charts in the outputs, want at least ${charted} (one per cell that shows one)`);
    assert.strictEqual(await drawn.count(), n, 'every chart drawn');
    for (let i = 0; i < n; i++) assert.ok(await canvasInk(drawn.nth(i)) > 1000, `chart ${i + 1} has drawn content`);
    phase('charts drawn');
    t.diagnostic(`${code.length} code cells run, ${n} charts drawn, ${await outputs.count()} outputs; ${phases.join(', ')}`);
    await page.screenshot({ path: path.join(dir, 'course.png'), fullPage: true });
    // JupyterLab now and then rejects a kernel message whose header lacks
    // 'username' (seen with the fearless kernel proxy; reported, not ours to
    // fix here): said, not failed. Any other error fails.
    const known = /Kernel message validation error: Missing property 'username'/;
    for (const e of b.log.errors.filter((x) => known.test(x))) t.diagnostic(`known kernel issue: ${e}`);
    assert.deepStrictEqual(b.log.errors.filter((x) => !known.test(x)), [], 'no console or page errors');
    assert.deepStrictEqual(b.log.external, [], 'no request for a non-local address');
  } finally {
    if (b) await b.close();
    if (lab) await lab.stop();
    if (!process.env.FEARLESS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
});
