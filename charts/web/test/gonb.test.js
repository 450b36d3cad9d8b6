// The whole path for real, on the real GoNB kernel (the project's "fearless"
// kernelspec, installed into a temporary prefix by the project's own
// installer): a notebook whose cells call charts.Show, run headlessly and
// opened trusted in JupyterLab, draws both charts offline; and the same
// cells run from JupyterLab itself draw their charts on the first run.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { execFileSync } = require('node:child_process');
const { ROOT, guard, browser, canvasInk, startLab, jupyter } = require('./support');

const CELLS = [
  'import (\n\t"github.com/fearless-go/fearless/charts"\n\t"github.com/fearless-go/fearless/helpers/mpsc"\n\t"github.com/fearless-go/fearless/helpers/mutex"\n\t"github.com/fearless-go/fearless/helpers/thread"\n)',
  '%%\ndefer charts.Show(charts.Title("two threads and a mutex"))\ncounter := mutex.New(0)\nvar hs []*thread.JoinHandle[int]\nfor _, name := range []string{"adder-1", "adder-2"} {\n\ths = append(hs, thread.Spawn(func() int {\n\t\tfor range 3 {\n\t\t\tg, _ := counter.Lock()\n\t\t\t*g.Ptr() += 1\n\t\t\tg.Unlock()\n\t\t}\n\t\treturn 0\n\t}, thread.Name(name)))\n}\nfor _, h := range hs {\n\th.Join()\n}',
  '%%\ndefer charts.Show(charts.Title("a message"))\ntx, rx := mpsc.Channel[string]()\nh := thread.Spawn(func() int { tx.Send("hi"); tx.Drop(); return 0 }, thread.Name("sender"))\nfor range rx.Iter() {\n}\nh.Join()',
];

function notebook(file) {
  const nb = {
    cells: CELLS.map((source, i) => ({ cell_type: 'code', execution_count: null, id: `c${i}`, metadata: {}, outputs: [], source })),
    metadata: { kernelspec: { name: 'fearless', display_name: 'Go (Fearless)', language: 'go' } },
    nbformat: 4, nbformat_minor: 5,
  };
  fs.writeFileSync(file, JSON.stringify(nb, null, 1));
}

function findFile(dir, name) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { const f = findFile(p, name); if (f) return f; }
    else if (e.name === name) return p;
  }
  return null;
}

// install puts the fearless kernelspec under dir/prefix and returns that
// prefix's Jupyter data directory.
function install(dir) {
  const prefix = path.join(dir, 'prefix');
  execFileSync('go', ['run', './kernel/cmd/fearless', 'install', '--prefix', prefix], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return prefix;
}

// describe says what the page and the kernel were doing, for a failure
// message: the kernel status JupyterLab shows, each cell's prompt and
// output, the server's view of its kernels, the Go processes running, the
// end of gonb's log (lab.log holds the kernel's stderr) and, with
// dumpKernel, where each of gonb's goroutines stood (which ends the kernel).
async function describe(page, lab, { dumpKernel = false } = {}) {
  const lines = [];
  const status = await page.getByText(/\(Fearless\) \| /).first().innerText({ timeout: 2_000 }).catch(() => 'not shown');
  lines.push(`kernel status in the status bar: ${status}`);
  const cells = page.locator('.jp-Notebook .jp-CodeCell');
  const n = await cells.count().catch(() => 0);
  for (let i = 0; i < n; i++) {
    const prompt = await cells.nth(i).locator('.jp-InputPrompt').innerText({ timeout: 2_000 }).catch(() => '?');
    const out = await cells.nth(i).locator('.jp-OutputArea').innerText({ timeout: 2_000 }).catch(() => '');
    lines.push(`cell ${i + 1} ${prompt.trim()} ${out.trim().slice(0, 200).replace(/\n/g, ' | ') || '(no output)'}`);
  }
  try {
    lines.push(`server's kernels: ${await (await fetch(lab.url('api/kernels'))).text()}`);
  } catch (err) { lines.push(`server's kernels: ${err.message}`); }
  let ps = [];
  try {
    ps = execFileSync('ps', ['-eo', 'pid,ppid,etimes,pcpu,args'], { encoding: 'utf8' }).split('\n').map((l) => l.trim());
    lines.push('Go processes:', ...ps.filter((l) => /gonb|gopls|goimports|\bgo (build|list|get|mod)\b|\/compile |\/link /.test(l)).map((l) => '  ' + l.slice(0, 200)));
  } catch (err) { lines.push(`ps: ${err.message}`); }
  const clean = () => fs.readFileSync(lab.logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const log = clean();
  // SIGQUIT makes a Go program print every goroutine's stack and exit: the
  // kernel is lost, but the test has failed already. The summary goes before
  // the logs, which a truncated report would cut first.
  const runtime = path.join(lab.dir, 'runtime');
  for (const l of dumpKernel ? ps.filter((x) => / --kernel /.test(x) && x.includes(runtime)) : []) {
    const pid = Number(l.split(/\s+/)[0]);
    try { process.kill(pid, 'SIGQUIT'); } catch { continue; }
    await new Promise((r) => setTimeout(r, 1_500));
    lines.push(`gonb (pid ${pid}) goroutines:`, ...goroutines(clean()));
  }
  lines.push('end of gonb\'s log:', ...log.filter((l) => /^[IWEF]\d{4} /.test(l) && !/gopls diagnostics/.test(l)).slice(-40).map((l) => l.slice(0, 300)));
  lines.push('end of the server\'s log:', ...log.filter((l) => /^\[[IWEC] /.test(l)).slice(-15));
  return lines.join('\n');
}

// goroutines sums up a Go program's SIGQUIT dump: one line per kind of
// goroutine that runs gonb's or zmq4's code, its state and its innermost
// functions outside the runtime, with how many goroutines stood there.
function goroutines(log) {
  const start = log.findIndex((l) => l.startsWith('SIGQUIT'));
  if (start < 0) return ['  (no goroutine dump in the log)'];
  const counts = new Map();
  let block = [];
  const flush = () => {
    const state = /\[([^\]]*)\]/.exec(block[0] || '');
    const funcs = block.slice(1).filter((l) => !l.startsWith('\t') && !l.startsWith('created by'))
      .map((l) => l.replace(/\([^()]*\)( \+0x[0-9a-f]+)?$/, '').replace(/^github\.com\/[^/]+\//, ''))
      .filter((f) => !/^(runtime|internal|sync|net|os|syscall|io|bufio)[./]/.test(f));
    if (state && funcs.some((f) => /gonb|zmq4/.test(f))) {
      const key = `[${state[1].replace(/, \d+ minutes/, '')}] ${funcs.slice(0, 4).join(' < ')}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    block = [];
  };
  for (const l of log.slice(start)) {
    if (l.startsWith('goroutine ') || l.trim() === '') flush();
    if (l.startsWith('goroutine ') || block.length) block.push(l);
  }
  flush();
  return [...counts].map(([k, n]) => `  ${n}× ${k}`.slice(0, 240)).slice(0, 60);
}

// expectCharts waits for the page's two charts to be drawn and checks them:
// real pixels, no console or page errors, no request beyond localhost. On a
// timeout it saves a screenshot and says what the page and kernel were doing.
async function expectCharts(page, b, lab, dir, name, ready = async () => {}) {
  const drawn = page.locator('.jp-OutputArea-output .fearless-chart[data-fearless-drawn="1"]');
  try {
    await ready();
    await drawn.nth(1).waitFor({ timeout: 180_000 });
  } catch (err) {
    await page.screenshot({ path: path.join(dir, 'failed.png'), fullPage: true }).catch(() => {});
    throw new Error(`${err.message}\n(screenshot: ${dir}/failed.png; keep it with FEARLESS_KEEP=1)\n${await describe(page, lab, { dumpKernel: true })}`);
  }
  assert.strictEqual(await drawn.count(), 2, 'both charts drawn');
  for (let i = 0; i < 2; i++) assert.ok(await canvasInk(drawn.nth(i)) > 2000, `chart ${i + 1} has drawn content`);
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
  assert.deepStrictEqual(b.log.errors, [], 'no console or page errors');
  assert.deepStrictEqual(b.log.external, [], 'no request for a non-local address');
}

// anyCellQueued waits up to ms for a cell prompt to leave "[ ]:" (queued
// "[*]:" or run "[1]:").
async function anyCellQueued(page, ms) {
  const prompts = page.locator('.jp-Notebook .jp-CodeCell .jp-InputPrompt');
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    const texts = await prompts.allInnerTexts();
    if (texts.some((p) => p.trim() !== '[ ]:')) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

test('charts.Show on the real GoNB kernel draws in JupyterLab', { timeout: 900_000 }, async (t) => {
  if (!guard(t, ['chromium', 'playwright', 'echarts', 'go', 'jupyter'])) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fearless-gonb-'));
  let lab, b;
  try {
    const prefix = install(dir);
    const fearless = path.join(prefix, 'share', 'jupyter', 'kernels', 'fearless', 'bin', 'fearless');
    const src = path.join(dir, 'src', 'charts.ipynb');
    fs.mkdirSync(path.dirname(src));
    notebook(src);
    execFileSync(fearless, ['run', '--out', path.join(dir, 'executed'), src], {
      cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, JUPYTER_PATH: path.join(prefix, 'share', 'jupyter') },
    });
    const executed = findFile(path.join(dir, 'executed'), 'charts.ipynb');
    assert.ok(executed, 'executed notebook written');
    const nb = JSON.parse(fs.readFileSync(executed, 'utf8'));
    const outputs = nb.cells.flatMap((c) => c.outputs).filter((o) => o.output_type === 'display_data');
    assert.strictEqual(outputs.length, 2, 'one output per charts.Show');
    for (const o of outputs) {
      assert.deepStrictEqual(Object.keys(o.data).sort(), ['image/svg+xml', 'text/html', 'text/plain'], 'one bundle: HTML, SVG, text');
      const size = JSON.stringify(o).length;
      assert.ok(size < 100_000, `output is ${size} bytes, want well under 100 KB`);
    }
    const labDir = path.join(dir, 'lab');
    fs.mkdirSync(labDir);
    fs.copyFileSync(executed, path.join(labDir, 'executed.ipynb'));
    jupyter(labDir, ['trust', 'executed.ipynb']);
    lab = await startLab(labDir);
    b = await browser();
    const page = await b.context.newPage();
    await page.goto(`${lab.base}lab/workspaces/gonb/tree/executed.ipynb?reset&token=${lab.token}`);
    await expectCharts(page, b, lab, dir, 'gonb.png');
  } finally {
    if (b) await b.close();
    if (lab) await lab.stop();
    if (!process.env.FEARLESS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('first run in JupyterLab: cells run from the browser draw their charts', { timeout: 900_000 }, async (t) => {
  if (!guard(t, ['chromium', 'playwright', 'echarts', 'go', 'jupyter'])) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fearless-first-run-'));
  let lab, b;
  try {
    const prefix = install(dir);
    const labDir = path.join(dir, 'lab');
    fs.mkdirSync(labDir);
    notebook(path.join(labDir, 'first.ipynb')); // never run: no outputs
    // gonb logs each message and cell it handles (FEARLESS_KERNEL_VERBOSITY),
    // so a failure can say where the kernel was.
    lab = await startLab(labDir, { JUPYTER_PATH: path.join(prefix, 'share', 'jupyter'), FEARLESS_KERNEL_VERBOSITY: '2' });
    b = await browser();
    const page = await b.context.newPage();
    await page.goto(`${lab.base}lab/workspaces/first/tree/first.ipynb?reset&token=${lab.token}`);
    await expectCharts(page, b, lab, dir, 'first-run.png', async () => {
      // The notebook names the fearless kernel, so JupyterLab starts it. The
      // status bar names the kernel already while it starts ("Go (Fearless)
      // | Initializing", then "Connecting"); once connected it must read
      // "Idle" before any cell runs: JupyterLab ignores the status of a
      // kernel_info request, and the kernel's protocol layer (kernel/proxy)
      // publishes an idle status of its own after it.
      await page.getByText(/^Go \(Fearless\) \| Idle$/).waitFor({ timeout: 120_000 });
      const prompts = await page.locator('.jp-Notebook .jp-CodeCell .jp-InputPrompt').allInnerTexts();
      assert.ok(prompts.length > 0 && prompts.every((p) => p.trim() === '[ ]:'), `Idle before any cell ran (prompts ${JSON.stringify(prompts)})`);
      // A menu click can land while JupyterLab is still laying the page out
      // and do nothing; that is the browser's affair, so click once more.
      // Cells queued but never run are the kernel's affair: expectCharts
      // fails then, saying what gonb was doing.
      for (let attempt = 1; ; attempt++) {
        await page.getByRole('menuitem', { name: 'Run', exact: true }).click();
        await page.getByRole('menuitem', { name: /^Run All Cells/ }).click();
        if (await anyCellQueued(page, 20_000)) return;
        if (attempt === 2) throw new Error('Run All Cells queued no cell, twice');
        t.diagnostic(`Run All Cells queued no cell; clicking it again.\n${await describe(page, lab)}`);
      }
    });
  } finally {
    if (b) await b.close();
    if (lab) await lab.stop();
    if (!process.env.FEARLESS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
});
