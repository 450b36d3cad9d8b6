// The grader's guard, seen by a learner in real JupyterLab on the real
// fearless kernel before they submit: a solution cell that uses os, run
// with Shift+Enter, and its check cell both show `fearless grade will refuse
// your solution to …` as a stderr output; once the solution is clean and
// both cells run again, neither does. Then, as in a handout from `fearless
// assign` (the instructor's plain cells marked with their source's digest),
// a cell the learner adds that uses os makes the check cell say that the
// grader will not run it. JupyterLab sends the cell's metadata (nbgrader's,
// the mark) and cellId with each execute_request; nothing else tells the
// kernel which exercise a cell belongs to, or whose a cell is.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const { ROOT, guard, browser, startLab } = require('./support');

const NEEDS = ['chromium', 'playwright', 'go', 'jupyter'];
const REFUSED = 'fearless grade will refuse your solution to answer: line 2: your code uses package os, which this exercise does not allow';
const NOT_RUN = 'fearless grade will not run a cell you added: line 1: your code uses package os, which this exercise does not allow';
const GIVEN = 'const Base = 40';
// given is the mark `fearless assign` puts on the instructor's plain cells
// (guard.GivenDigest: SHA-256 of the trimmed source, its first 16 bytes).
const given = (src) => crypto.createHash('sha256').update(src.trim()).digest('hex').slice(0, 32);

function notebook(file) {
  const code = (id, source, metadata) => ({ cell_type: 'code', execution_count: null, id, metadata, outputs: [], source });
  const nb = {
    cells: [
      code('sol', 'func Answer() int {\n    return len(os.Args[:1]) + 41\n}',
        { nbgrader: { grade: false, grade_id: 'answer', locked: false, schema_version: 3, solution: true } }),
      code('chk', '%%\nfmt.Println("answer:", Answer())',
        { nbgrader: { grade: true, grade_id: 'answer-check', locked: true, points: 1, schema_version: 3, solution: false } }),
      code('given', GIVEN, { fearless_given: given(GIVEN) }),
    ],
    metadata: { kernelspec: { name: 'fearless', display_name: 'Go (Fearless)', language: 'go' } },
    nbformat: 4, nbformat_minor: 5,
  };
  fs.writeFileSync(file, JSON.stringify(nb, null, 1));
}

test('the grader\'s refusal shows in the solution and check cells, and for a cell the learner added', { timeout: 600_000 }, async (t) => {
  if (!guard(t, NEEDS)) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fearless-presubmit-'));
  let lab, b;
  try {
    const prefix = path.join(dir, 'prefix');
    execFileSync('go', ['run', './kernel/cmd/fearless', 'install', '--prefix', prefix], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    const labDir = path.join(dir, 'lab');
    fs.mkdirSync(labDir);
    notebook(path.join(labDir, 'presubmit.ipynb'));
    lab = await startLab(labDir, { JUPYTER_PATH: path.join(prefix, 'share', 'jupyter') });
    b = await browser();
    const page = await b.context.newPage();
    await page.goto(`${lab.base}lab/workspaces/presubmit/tree/presubmit.ipynb?reset&token=${lab.token}`);
    await page.getByText(/^Go \(Fearless\) \| Idle$/).waitFor({ timeout: 120_000 });
    const cells = page.locator('.jp-Notebook .jp-CodeCell');
    const stderr = (i) => cells.nth(i).locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
    const runBoth = async (answer) => {
      await cells.nth(0).locator('.cm-content').click();
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.press('Shift+Enter');
      await cells.nth(1).locator('.jp-OutputArea-output', { hasText: `answer: ${answer}` }).waitFor({ timeout: 120_000 });
      await page.getByText(/^Go \(Fearless\) \| Idle$/).waitFor({ timeout: 60_000 });
    };

    await runBoth(42);
    for (const i of [0, 1]) {
      assert.strictEqual((await stderr(i).innerText()).trim(), REFUSED, `cell ${i} shows the grader's refusal`);
    }

    // The clean solution: typed over the old one, both cells run again.
    await cells.nth(0).locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('func Answer() int {\n    return 43\n}');
    await runBoth(43);
    for (const i of [0, 1]) {
      assert.strictEqual(await stderr(i).count(), 0, `cell ${i}: no refusal once the solution is clean`);
    }

    // The instructor's marked cell runs (Shift+Enter on the last cell adds
    // one below), the learner types a cell of their own using os into the
    // new cell and runs it, then runs the check cell again.
    await cells.nth(2).locator('.cm-content').click();
    await page.keyboard.press('Shift+Enter');
    await cells.nth(3).locator('.cm-content').waitFor();
    await page.getByText(/^Go \(Fearless\) \| Idle$/).waitFor({ timeout: 60_000 });
    await cells.nth(3).locator('.cm-content').click();
    await page.keyboard.insertText('func fromArgs() int { return len(os.Args) }');
    await page.keyboard.press('Shift+Enter');
    await page.getByText(/^Go \(Fearless\) \| Idle$/).waitFor({ timeout: 60_000 });
    await cells.nth(1).locator('.cm-content').click();
    await page.keyboard.press('Shift+Enter');
    await stderr(1).waitFor({ timeout: 60_000 });
    await page.getByText(/^Go \(Fearless\) \| Idle$/).waitFor({ timeout: 60_000 });
    assert.strictEqual((await stderr(1).innerText()).trim(), NOT_RUN, 'the check cell says the added cell will not run');
    assert.strictEqual(await stderr(3).count(), 0, 'the added cell itself builds and runs in JupyterLab');
    assert.deepStrictEqual(b.log.external, [], 'no request for a non-local address');
  } finally {
    if (b) await b.close();
    if (lab) await lab.stop();
    if (!process.env.FEARLESS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
});
