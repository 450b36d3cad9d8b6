// Play the scheduler in real JupyterLab, on the fearless kernel, offline:
// notebook 09's game cells (the cells the games need, taken from the
// notebook itself, so that the test costs seconds, not the whole notebook)
// run with "Run All Cells"; the learner plays a-to-b and b-to-a into the
// AB/BA deadlock, sees the wait-for cycle, undoes; walks every path of the
// ordered version and finds each one finishing; then the notebook is saved,
// its kernel shut down, and the notebook reopened: the saved, trusted
// outputs play again without a kernel round-trip, and so does its nbconvert
// HTML export.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { execFileSync } = require('node:child_process');
const { ROOT, VENV, guard, browser, startLab, jupyter } = require('./support');

// The cells of 09-deadlocks.ipynb the games need: imports, declarations, the games.
const SOURCE = path.join(ROOT, 'notebooks', '09-deadlocks.ipynb');
const KEEP = ['cell-00', 'cell-04', 'cell-05', 'cell-play-1', 'cell-play-2', 'cell-play-3', 'cell-play-4', 'cell-play-5', 'cell-play-6'];

// kernelPath: the user's fearless kernelspec when installed from this
// checkout (make install), else a fresh install into dir (as course.test.js).
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

// state reads what a game shows.
function state(root) {
  return root.evaluate((el) => ({
    schedule: el.querySelector('.fearless-play-schedule').textContent,
    outcome: el.getAttribute('data-outcome'),
    position: el.getAttribute('data-position'),
    end: (el.querySelector('.fearless-play-end') || {}).textContent || '',
    cycle: [...el.querySelectorAll('.fearless-play-cycle')].map((c) => c.textContent),
    moves: [...el.querySelectorAll('button[data-move]')].map((b) => b.getAttribute('data-move')),
    state: el.querySelector('.fearless-play-state').textContent,
    threads: [...el.querySelectorAll('.fearless-play-threads tr[data-thread]')].map((r) => r.textContent),
    answer: !el.querySelector('.fearless-play-answer').disabled,
  }));
}

// deadlock plays a-to-b (b) until it holds acct-1, then b-to-a (c) until it
// holds acct-2, and checks the end; then undoes one move.
async function deadlockAndUndo(game) {
  const moveUntil = async (thread, text) => {
    for (let i = 0; i < 8; i++) {
      const now = await state(game);
      if ((now.threads[thread] || '').includes(text)) return now;
      const which = now.moves.includes(String(thread)) ? thread : Number(now.moves[0]);
      await game.locator(`button[data-move="${which}"]`).click();
    }
    assert.fail(`thread ${thread} never showed "${text}": ${(await state(game)).threads.join(' | ')}`);
  };
  await moveUntil(1, 'locks acct-2');
  let s = await moveUntil(2, 'locks acct-1');
  assert.strictEqual(s.outcome, 'deadlock', `the game ends in a deadlock: ${s.end}`);
  assert.deepStrictEqual(s.moves, [], 'nobody can move');
  assert.ok(s.cycle.some((c) => c.includes('a-to-b waits for the lock of acct-2, held by b-to-a')), `cycle: ${s.cycle}`);
  assert.ok(s.cycle.some((c) => c.includes('b-to-a waits for the lock of acct-1, held by a-to-b')), `cycle: ${s.cycle}`);
  assert.ok(/cell \[\d+\] line \d+/.test(s.threads.join(' ')), `the threads' lines name cells: ${s.threads}`);
  const deadlocked = s.schedule;
  await game.locator('.fearless-play-undo').click();
  s = await state(game);
  assert.strictEqual(s.outcome, '', 'undo leaves the end');
  assert.ok(s.moves.includes('2') && deadlocked.startsWith(s.schedule.slice(0, 4)), `after undo: ${JSON.stringify(s)}`);
  return deadlocked;
}

// everyPath walks the game's whole tree with move and undo; it returns the ends' outcomes.
async function everyPath(game) {
  const ends = [];
  const walk = async (depth) => {
    const s = await state(game);
    if (s.outcome) { ends.push(s.outcome + ' ' + s.schedule); return; }
    assert.ok(depth < 40, 'the tree is deeper than expected');
    for (const m of s.moves) {
      await game.locator(`button[data-move="${m}"]`).click();
      await walk(depth + 1);
      await game.locator('.fearless-play-undo').click();
    }
  };
  await walk(0);
  return ends;
}

test('notebook 09 in JupyterLab: play into the deadlock, undo, the ordered version on every path; saved and reopened', { timeout: 300_000 }, async (t) => {
  if (!guard(t, ['chromium', 'playwright', 'go', 'jupyter'])) return;
  const nb = JSON.parse(fs.readFileSync(SOURCE, 'utf8'));
  const cells = KEEP.map((id) => nb.cells.find((c) => c.id === id));
  assert.ok(cells.every(Boolean), `09-deadlocks.ipynb has the cells ${KEEP}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fearless-play-lab-'));
  const NAME = '09-play.ipynb';
  const t0 = Date.now();
  const phases = [];
  const phase = (name) => phases.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let lab, b;
  try {
    const kernels = kernelPath(dir);
    const labDir = path.join(dir, 'lab');
    fs.mkdirSync(labDir);
    fs.writeFileSync(path.join(labDir, NAME), JSON.stringify({ ...nb, cells }, null, 1) + '\n');
    const settings = path.join(labDir, 'config', 'lab', 'user-settings', '@jupyterlab', 'notebook-extension');
    fs.mkdirSync(settings, { recursive: true });
    fs.writeFileSync(path.join(settings, 'tracker.jupyterlab-settings'), JSON.stringify({ windowingMode: 'none' }));
    lab = await startLab(labDir, { JUPYTER_PATH: kernels });
    b = await browser();
    phase('lab up');
    let page = await b.context.newPage();
    await page.goto(`${lab.base}lab/workspaces/play/tree/${NAME}?reset&token=${lab.token}`);
    const code = cells.filter((c) => c.cell_type === 'code').length;
    const prompts = page.locator('.jp-Notebook .jp-CodeCell .jp-InputPrompt');
    await page.getByText(/^Go \(Fearless\) \| (Idle|Busy|Unknown)$/).waitFor({ timeout: 120_000 });
    await page.getByRole('menuitem', { name: 'Run', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Run All Cells/ }).click();
    for (const deadline = Date.now() + 120_000; ;) {
      const done = (await prompts.allInnerTexts()).filter((p) => /^\[\d+\]:$/.test(p.trim())).length;
      if (done === code) break;
      if (Date.now() > deadline) throw new Error(`${done} of ${code} code cells ran within 120 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
    phase('cells run');
    const stderr = await page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').count();
    assert.strictEqual(stderr, 0, 'no cell wrote to stderr');
    const games = page.locator('.jp-OutputArea-output .fearless-play[data-fearless-drawn="1"]');
    await games.nth(1).waitFor({ timeout: 30_000 });
    assert.strictEqual(await games.count(), 2, 'two games drawn: transfer and orderedTransfer');
    const ms = await games.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-render-ms'))));
    phase(`games drawn (first render ${ms.join(' and ')} ms)`);

    const abba = games.nth(0), ordered = games.nth(1);
    const deadlocked = await deadlockAndUndo(abba);
    const ends = await everyPath(ordered);
    assert.ok(ends.length >= 2 && ends.every((e) => e.startsWith('finished')), `every path of the ordered version finishes: ${ends.join(', ')}`);
    assert.strictEqual((await state(ordered)).answer, false, 'no failing schedule to show for the ordered version');
    phase(`played (${ends.length} ordered paths)`);
    await page.screenshot({ path: path.join(dir, 'played.png'), fullPage: true });

    // Save (the server signs it: its outputs were made in this session),
    // shut the kernel down, reopen: the games play from the saved outputs.
    await page.keyboard.press('Control+s');
    const saved = path.join(labDir, NAME);
    for (const deadline = Date.now() + 20_000; ;) {
      const text = fs.readFileSync(saved, 'utf8');
      if ((text.match(/fearless-play-static/g) || []).length >= 2) break;
      if (Date.now() > deadline) throw new Error('the notebook was not saved with the games');
      await new Promise((r) => setTimeout(r, 250));
    }
    const kernelsNow = await (await fetch(`${lab.base}api/kernels?token=${lab.token}`)).json();
    for (const k of kernelsNow) await fetch(`${lab.base}api/kernels/${k.id}?token=${lab.token}`, { method: 'DELETE' });
    await page.close();
    page = await b.context.newPage();
    await page.goto(`${lab.base}lab/workspaces/play2/tree/${NAME}?reset&token=${lab.token}`);
    const again = page.locator('.jp-OutputArea-output .fearless-play[data-fearless-drawn="1"]');
    await again.nth(1).waitFor({ timeout: 60_000 });
    phase('reopened');
    const replayed = await deadlockAndUndo(again.nth(0));
    assert.strictEqual(replayed, deadlocked, 'the same moves give the same schedule');
    const note = await again.nth(1).evaluate((el) => el.textContent);
    assert.ok(note.includes('0 of them failures'), 'the ordered game says none of its ends fails');
    phase('played again');

    assert.deepStrictEqual(b.log.external, [], 'no request for a non-local address from JupyterLab');
    // The same saved notebook exported by nbconvert plays as a page of its own.
    jupyter(labDir, ['nbconvert', '--to', 'html', '--output-dir', path.join(dir, 'export'), NAME]);
    const exported = await b.context.newPage();
    const mark = b.log.errors.length;
    await exported.goto('file://' + path.join(dir, 'export', NAME.replace('.ipynb', '.html')));
    const eg = exported.locator('.fearless-play[data-fearless-drawn="1"]');
    await eg.nth(1).waitFor({ timeout: 30_000 });
    await eg.nth(0).locator('.fearless-play-answer').click();
    assert.strictEqual((await state(eg.nth(0))).outcome, 'deadlock', 'the exported game plays the explorer\'s answer');
    await exported.close();
    // The export's template may ask a CDN for its own scripts (blocked here): not ours.
    b.log.errors.splice(mark).filter((e) => !/Failed to load resource|ERR_BLOCKED_BY_CLIENT/.test(e)).forEach((e) => b.log.errors.push(e));
    assert.ok(!b.log.external.some((u) => /fearless|echarts/.test(u)), `nothing of ours from the network: ${b.log.external}`);
    b.log.external.length = 0;
    phase('exported');
    t.diagnostic(phases.join(', '));
    const known = /Kernel message validation error: Missing property 'username'/;
    assert.deepStrictEqual(b.log.errors.filter((x) => !known.test(x)), [], 'no console or page errors');
    assert.deepStrictEqual(b.log.external, [], 'no request for a non-local address');
  } catch (err) {
    if (b) for (const p of b.context.pages()) await p.screenshot({ path: path.join(dir, 'failed.png'), fullPage: true }).catch(() => {});
    throw new Error(`${err.message}\n(screenshot: ${dir}/failed.png; keep it with FEARLESS_KEEP=1)`);
  } finally {
    if (b) await b.close();
    if (lab) await lab.stop();
    if (!process.env.FEARLESS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
});
