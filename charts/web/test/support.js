// Shared set-up for the browser tests: prerequisites, fixtures made by the
// Go code, a headless Debian Chromium that may reach localhost only, and a
// JupyterLab server in a temporary directory.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn, execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const VENV = process.env.FEARLESS_VENV || path.join(ROOT, '.venv');
const CHROMIUM = process.env.FEARLESS_CHROMIUM || '/usr/bin/chromium';
const REQUIRE_ALL = process.env.FEARLESS_REQUIRE_ALL === '1';

// missing returns what the named prerequisites lack, as readable lines.
function missing(needs) {
  const out = [];
  const has = (p) => fs.existsSync(p);
  if (needs.includes('chromium') && !has(CHROMIUM)) out.push(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  if (needs.includes('playwright') && !has(path.join(__dirname, '..', 'node_modules', 'playwright-core'))) out.push('playwright-core not installed (npm ci --prefix charts/web)');
  if (needs.includes('echarts') && !has(path.join(__dirname, '..', 'node_modules', 'echarts', 'dist', 'echarts.min.js'))) out.push('echarts not installed (npm ci --prefix charts/web)');
  if (needs.includes('go')) {
    try { execFileSync('go', ['version'], { stdio: 'ignore' }); } catch { out.push('go not on PATH'); }
  }
  if (needs.includes('jupyter')) {
    if (!has(path.join(VENV, 'bin', 'jupyter-lab'))) out.push(`JupyterLab not found in ${VENV} (make the venv from requirements.txt)`);
    else if (!has(path.join(VENV, 'etc', 'jupyter', 'jupyter_server_config.d', 'fearless_charts.json'))) out.push('fearless_charts server extension not enabled (pip install -e ./charts/jupyter && python -m fearless_charts enable)');
  }
  return out;
}

// guard skips the test (or fails it under FEARLESS_REQUIRE_ALL=1) when a
// prerequisite is missing. It returns true when the test may run.
function guard(t, needs) {
  const lacks = missing(needs);
  if (lacks.length === 0) return true;
  const msg = 'missing prerequisites: ' + lacks.join('; ');
  if (REQUIRE_ALL) throw new Error(msg + ' (FEARLESS_REQUIRE_ALL=1)');
  t.skip(msg);
  return false;
}

// fixtures runs the Go fixture generator into a fresh temporary directory.
function fixtures() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fearless-web-'));
  execFileSync('go', ['run', './charts/internal/cmd/fixtures', dir], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return dir;
}

function isLocal(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('file:') || url.startsWith('about:')) return true;
  try {
    const h = new URL(url).hostname;
    return h === '127.0.0.1' || h === 'localhost' || h === '[::1]' || h === '::1';
  } catch { return false; }
}

// browser launches Chromium with a fresh profile. Every page it opens
// records console errors, page errors, and any request for a non-local
// address, which is blocked.
async function browser() {
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fearless-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  const log = { errors: [], external: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    log.external.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => watch(page, log));
  for (const p of context.pages()) watch(p, log);
  return {
    context, log,
    async close() { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); },
  };
}

function watch(page, log) {
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`console: ${m.text()} (${page.url()})`); });
  page.on('pageerror', (e) => log.errors.push(`page error: ${e.message} (${page.url()})`));
}

// canvasInk counts the non-blank pixels of every canvas inside the element.
async function canvasInk(locator) {
  return locator.evaluate((el) => {
    let ink = 0;
    for (const c of el.querySelectorAll('canvas')) {
      if (!c.width || !c.height) continue;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) ink++;
      }
    }
    return ink;
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

// jupyterEnv keeps Jupyter's data, runtime and workspace state (including
// the notebook trust database) inside dir.
function jupyterEnv(dir) {
  return {
    ...process.env,
    JUPYTER_DATA_DIR: path.join(dir, 'data'),
    JUPYTER_RUNTIME_DIR: path.join(dir, 'runtime'),
    JUPYTERLAB_WORKSPACES_DIR: path.join(dir, 'workspaces'),
    JUPYTER_CONFIG_DIR: path.join(dir, 'config'),
    JUPYTER_PLATFORM_DIRS: '1',
  };
}

function jupyter(dir, args) {
  return execFileSync(path.join(VENV, 'bin', 'jupyter'), args, { cwd: dir, env: jupyterEnv(dir), encoding: 'utf8' });
}

// startLab starts JupyterLab on 127.0.0.1 with a token, serving dir, and
// waits until it answers. extraEnv adds to its environment (JUPYTER_PATH to
// find a kernelspec installed elsewhere, say).
async function startLab(dir, extraEnv = {}) {
  const port = await freePort();
  const token = 'fearless-' + Math.random().toString(36).slice(2);
  const logFile = path.join(dir, 'lab.log');
  const out = fs.openSync(logFile, 'w');
  const proc = spawn(path.join(VENV, 'bin', 'jupyter-lab'), [
    '--no-browser', '--ServerApp.ip=127.0.0.1', `--ServerApp.port=${port}`, '--ServerApp.port_retries=0',
    `--IdentityProvider.token=${token}`, `--ServerApp.root_dir=${dir}`,
    '--LabApp.news_url=None', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
    ...(process.getuid && process.getuid() === 0 ? ['--allow-root'] : []),
  ], { cwd: dir, env: { ...jupyterEnv(dir), ...extraEnv }, stdio: ['ignore', out, out] });
  const base = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`jupyter lab exited: ${fs.readFileSync(logFile, 'utf8')}`);
    try {
      const r = await fetch(`${base}api/status?token=${token}`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { proc.kill(); throw new Error(`jupyter lab did not start: ${fs.readFileSync(logFile, 'utf8')}`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base, token, logFile, dir,
    url: (p) => `${base}${p}?token=${token}`,
    async stop() {
      if (proc.exitCode !== null) return;
      const done = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}

module.exports = { ROOT, VENV, guard, fixtures, browser, canvasInk, startLab, jupyter, jupyterEnv };
