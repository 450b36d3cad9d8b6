// A real JupyterHub (pinned in requirements.txt) with configurable-http-proxy
// (pinned in ../package.json) on loopback, a local process spawner and the
// shared-password authenticator: a learner logs in, finds the course in the
// home (copied by the image's start hook), opens the first course notebook
// under /user/NAME/, runs it in headless Chromium and the charts are drawn,
// the chart library loaded under the hub's URL prefix.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { ROOT, VENV, guard, browser, canvasInk } = require('../../../charts/web/test/support');

const HERE = path.resolve(__dirname, '..');
const CHP = path.join(HERE, 'node_modules', '.bin', 'configurable-http-proxy');
const USER = 'ada';
const PASSWORD = 'fearless-hub-test';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

// courseNotebook is the first course notebook, or the README's notebook
// while the course has none.
function courseNotebook() {
  const dir = path.join(ROOT, 'notebooks');
  const nbs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^\d.*\.ipynb$/.test(f)).sort() : [];
  return nbs.length ? path.join(dir, nbs[0]) : path.join(ROOT, 'kernel', 'testdata', 'readme', 'readme.ipynb');
}

function goEnv(name) {
  return execFileSync('go', ['env', name], { encoding: 'utf8' }).trim();
}

function hubConfig(dir, ports, token, prefix) {
  const py = (v) => JSON.stringify(v);
  const env = {
    JUPYTER_PATH: path.join(prefix, 'share', 'jupyter'), // the fearless kernelspec
    GOPATH: goEnv('GOPATH'), GOMODCACHE: goEnv('GOMODCACHE'), GOCACHE: goEnv('GOCACHE'),
    GOPROXY: 'off', GOFLAGS: '-modcacherw', PATH: process.env.PATH,
  };
  const args = ['--LabApp.news_url=None', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate'];
  if (process.getuid && process.getuid() === 0) args.push('--allow-root');
  return `
c = get_config()  # noqa
c.JupyterHub.bind_url = ${py(`http://127.0.0.1:${ports.public}`)}
c.JupyterHub.hub_bind_url = ${py(`http://127.0.0.1:${ports.hub}`)}
c.ConfigurableHTTPProxy.api_url = ${py(`http://127.0.0.1:${ports.api}`)}
c.ConfigurableHTTPProxy.command = [${py(CHP)}]
c.JupyterHub.db_url = ${py('sqlite:///' + path.join(dir, 'hub.sqlite'))}
c.JupyterHub.cookie_secret_file = ${py(path.join(dir, 'cookie_secret'))}
c.JupyterHub.pid_file = ${py(path.join(dir, 'hub.pid'))}
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = ${py(PASSWORD)}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = ${py(path.join(dir, 'home', '{username}'))}
c.Spawner.cmd = [${py(path.join(VENV, 'bin', 'jupyterhub-singleuser'))}]
c.Spawner.args = ${py(args)}
c.Spawner.default_url = "/lab"
c.Spawner.environment = ${py(env)}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.services = [{"name": "fearless-test", "api_token": ${py(token)}}]
c.JupyterHub.load_roles = [{"name": "fearless-test", "scopes": ["admin:users", "admin:servers", "access:servers"], "services": ["fearless-test"]}]
`;
}

async function waitFor(url, ms, what, proc, logFile) {
  for (const deadline = Date.now() + ms; ;) {
    if (proc.exitCode !== null) throw new Error(`${what} exited: ${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`${what} did not answer ${url} in ${ms} ms: ${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('a course notebook runs through JupyterHub and draws its charts', { timeout: 900_000 }, async (t) => {
  if (!guard(t, ['chromium', 'playwright', 'echarts', 'go', 'jupyter'])) return;
  const missing = [CHP, path.join(VENV, 'bin', 'jupyterhub'), path.join(VENV, 'bin', 'jupyterhub-singleuser')].filter((p) => !fs.existsSync(p));
  if (missing.length) {
    const msg = `missing: ${missing.join(', ')} (npm ci --prefix kernel/docker; pip install -r requirements.txt)`;
    if (process.env.FEARLESS_REQUIRE_ALL === '1') throw new Error(msg);
    t.skip(msg);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fearless-hub-'));
  const ports = { public: await freePort(), hub: await freePort(), api: await freePort() };
  const token = 'fearless-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  const base = `http://127.0.0.1:${ports.public}`;
  const api = (p, opts = {}) => fetch(`${base}${p}`, { ...opts, headers: { Authorization: `token ${token}`, ...(opts.headers || {}) } });
  let hub, b;
  const times = {};
  try {
    // The kernel as `fearless install --prefix` puts it outside any home.
    const prefix = path.join(dir, 'prefix');
    execFileSync('go', ['run', './kernel/cmd/fearless', 'install', '--prefix', prefix], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    // The course as the image has it, and the learner's home filled by the
    // image's start hook.
    const course = path.join(dir, 'course');
    fs.mkdirSync(course);
    const nbFile = courseNotebook();
    fs.copyFileSync(nbFile, path.join(course, path.basename(nbFile)));
    execFileSync(path.join(HERE, 'course'), { env: { ...process.env, HOME: path.join(dir, 'home', USER), FEARLESS_COURSE: course } });
    const shows = JSON.parse(fs.readFileSync(nbFile, 'utf8')).cells.filter((c) => c.cell_type === 'code' && [].concat(c.source).join('').includes('charts.Show')).length;

    fs.writeFileSync(path.join(dir, 'jupyterhub_config.py'), hubConfig(dir, ports, token, prefix));
    const logFile = path.join(dir, 'hub.log');
    const out = fs.openSync(logFile, 'w');
    let start = Date.now();
    hub = spawn(path.join(VENV, 'bin', 'jupyterhub'), ['-f', path.join(dir, 'jupyterhub_config.py')], { cwd: dir, stdio: ['ignore', out, out], detached: true });
    await waitFor(`${base}/hub/health`, 90_000, 'jupyterhub', hub, logFile);
    times.hub = Date.now() - start;

    b = await browser();
    const page = await b.context.newPage();
    const libraryLoads = [];
    page.on('request', (r) => { if (r.url().includes('/fearless/echarts.min.js')) libraryLoads.push(r.url()); });
    start = Date.now();
    await page.goto(`${base}/hub/login`);
    await page.fill('input[name=username]', USER);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('#login_submit');
    await page.waitForURL(new RegExp(`/user/${USER}/lab`), { timeout: 180_000 });
    times.spawn = Date.now() - start;

    const name = path.basename(nbFile);
    await page.goto(`${base}/user/${USER}/lab/tree/fearless/${encodeURIComponent(name)}?reset`);
    await page.getByText(/^Go \(Fearless\) \| Idle$/).waitFor({ timeout: 120_000 });
    start = Date.now();
    for (let attempt = 1; ; attempt++) {
      await page.getByRole('menuitem', { name: 'Run', exact: true }).click();
      await page.getByRole('menuitem', { name: /^Run All Cells/ }).click();
      const prompts = page.locator('.jp-Notebook .jp-CodeCell .jp-InputPrompt');
      let queued = false;
      for (const deadline = Date.now() + 20_000; !queued && Date.now() < deadline;) {
        queued = (await prompts.allInnerTexts()).some((p) => p.trim() !== '[ ]:');
        if (!queued) await new Promise((r) => setTimeout(r, 250));
      }
      if (queued) break;
      if (attempt === 2) throw new Error('Run All Cells queued no cell, twice');
    }
    const drawn = page.locator('.jp-OutputArea-output .fearless-chart[data-fearless-drawn="1"]');
    const want = Math.max(1, shows);
    try {
      await drawn.nth(want - 1).waitFor({ timeout: 600_000 });
    } catch (err) {
      await page.screenshot({ path: path.join(dir, 'hub-failed.png'), fullPage: true }).catch(() => {});
      throw new Error(`${err.message}\n(screenshot ${dir}/hub-failed.png with FEARLESS_KEEP=1)\nhub log:\n${fs.readFileSync(logFile, 'utf8').slice(-6000)}`);
    }
    times.run = Date.now() - start;
    for (let i = 0; i < want; i++) assert.ok(await canvasInk(drawn.nth(i)) > 2000, `chart ${i + 1} has drawn content`);
    assert.ok(libraryLoads.length >= 1 && libraryLoads.every((u) => u.includes(`/user/${USER}/fearless/echarts.min.js`)),
      `chart library loaded under the hub prefix: ${libraryLoads}`);
    assert.deepStrictEqual(b.log.external, [], 'no request for a non-local address');
    const errors = b.log.errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e));
    assert.deepStrictEqual(errors, [], 'no console or page errors');
    await page.screenshot({ path: path.join(dir, 'hub.png'), fullPage: true });
    t.diagnostic(`${name}: hub healthy in ${times.hub} ms, login and spawn ${times.spawn} ms, Run All to ${want} charts drawn ${times.run} ms`);
  } finally {
    if (b) await b.close();
    if (hub && hub.exitCode === null) {
      // Kernels first (a stopped hub would leave gonb running), then the
      // server, then the hub and its proxy.
      try {
        const kernels = await (await api(`/user/${USER}/api/kernels`)).json();
        for (const k of kernels) await api(`/user/${USER}/api/kernels/${k.id}`, { method: 'DELETE' });
        await api(`/hub/api/users/${USER}/server`, { method: 'DELETE' });
      } catch (err) { t.diagnostic(`stopping the server: ${err.message}`); }
      const done = new Promise((r) => hub.once('exit', r));
      process.kill(-hub.pid, 'SIGTERM');
      const timer = setTimeout(() => { try { process.kill(-hub.pid, 'SIGKILL'); } catch { /* gone */ } }, 15_000);
      await done;
      clearTimeout(timer);
    }
    if (!process.env.FEARLESS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
});
