// The game of explore.Play, played in the page: no kernel, no library.
// Wrapped by play.go in a function that defines ID (the root div's id) and
// GAME: {title, threads, letters, strings, pos, answer, bound, cut, ends,
// failed}, where every text is an index into GAME.strings and a position is
// [parent, thread moved to get here, steps, threads, locks, next,
// preemptions, end]:
//   steps   flat [thread, op, at, code] per step since the parent's move
//   threads flat [status (0 ready, 1 blocked, 2 done), op, at, code, why]
//   next    per thread: the position its move leads to; -1 cannot move,
//           -2 beyond the preemption bound, -3 not explored (cut)
//   end     0, or [kind, message, [cycle lines]]
var T0 = (window.performance && performance.now) ? performance.now() : Date.now();
var me = document.currentScript;
var root = (me && me.previousElementSibling && me.previousElementSibling.id === ID) ? me.previousElementSibling : document.getElementById(ID);
if (!root) { return; }
var S = GAME.strings, P = GAME.pos, NAMES = GAME.threads, LET = GAME.letters;
var COLORS = ['#5470c6', '#3ba272', '#d48806', '#c23531', '#73c0de', '#9a60b4', '#fc8452', '#91cc75'];

function failed(i) { var e = P[i][7]; return e !== 0 && S[e[0]] !== 'finished'; }
// depth (steps from the start) and, for every position, the failing end
// below it with the fewest preemptions, then the fewest steps.
var depth = [], best = [];
for (var i = 0; i < P.length; i++) {
  depth[i] = (P[i][0] >= 0 ? depth[P[i][0]] : 0) + P[i][2].length / 4;
  best[i] = failed(i) ? i : -1;
}
function better(a, b) {
  if (b < 0) { return true; }
  if (P[a][6] !== P[b][6]) { return P[a][6] < P[b][6]; }
  return depth[a] < depth[b];
}
for (var j = P.length - 1; j > 0; j--) {
  var up = P[j][0];
  if (best[j] >= 0 && better(best[j], best[up])) { best[up] = best[j]; }
}

var path = [0];
function cur() { return path[path.length - 1]; }
function pathTo(i) { var out = []; for (; i >= 0; i = P[i][0]) { out.unshift(i); } return out; }
function schedule() {
  var s = 'x1:', k = 1;
  while (k < path.length) {
    var t = P[path[k]][1], n = 0;
    while (k < path.length && P[path[k]][1] === t) { n++; k++; }
    s += LET[t] + (n > 1 ? n : '');
  }
  return s;
}

function el(tag, attrs, kids) {
  var e = document.createElement(tag);
  for (var a in attrs) {
    if (a === 'text') { e.textContent = attrs[a]; } else if (a === 'style') { e.style.cssText = attrs[a]; } else { e.setAttribute(a, attrs[a]); }
  }
  (kids || []).forEach(function (k) { if (k) { e.appendChild(k); } });
  return e;
}
function btn(label, attrs, onclick, disabled) {
  attrs.style = 'margin:2px 6px 2px 0;padding:2px 10px;cursor:pointer;font-size:12px;' + (attrs.style || '');
  attrs.text = label;
  var b = el('button', attrs);
  b.disabled = !!disabled;
  b.addEventListener('click', onclick);
  return b;
}
function who(t) { return LET[t] + ' · ' + NAMES[t]; }
function chip(t) {
  return el('span', {text: who(t), style: 'font-weight:bold;color:' + COLORS[t % COLORS.length]});
}

function move(t) {
  var n = P[cur()][5][t];
  if (n >= 0) { path.push(n); render(); }
}

function render() {
  var i = cur(), p = P[i], end = p[7];
  root.innerHTML = '';
  root.setAttribute('data-position', String(i));
  root.setAttribute('data-schedule', schedule());
  root.setAttribute('data-outcome', end === 0 ? '' : S[end[0]]);
  root.appendChild(el('div', {text: GAME.title, style: 'font-weight:bold;font-size:14px;margin-bottom:2px'}));
  var note = 'You are the scheduler: click the thread that moves next. ' + P.length + ' positions, ' + GAME.ends +
    ' ends, ' + GAME.failed + ' of them failures' + (GAME.bound >= 0 ? '; preemption bound ' + GAME.bound : '') + '.';
  root.appendChild(el('div', {text: note, style: 'color:#555;margin-bottom:4px'}));
  if (GAME.cut) { root.appendChild(el('div', {'class': 'fearless-play-cut', text: 'Note: ' + GAME.cut + '.', style: 'color:#a60;margin-bottom:4px'})); }

  var target = i === 0 || best[i] < 0 ? GAME.answer : best[i];
  root.appendChild(el('div', {}, [
    btn('undo', {'class': 'fearless-play-undo'}, function () { if (path.length > 1) { path.pop(); render(); } }, path.length < 2),
    btn('restart', {'class': 'fearless-play-restart'}, function () { path = [0]; render(); }, path.length < 2),
    btn('show me a failing schedule', {'class': 'fearless-play-answer', title: best[i] >= 0 ? 'from here' : 'from the start'},
      function () { path = pathTo(target); render(); }, target < 0 || target === i)
  ]));
  var sched = schedule();
  root.appendChild(el('div', {style: 'margin:4px 0'}, [
    el('span', {text: 'schedule so far: '}),
    el('code', {'class': 'fearless-play-schedule', text: sched, style: 'background:#f3f3f3;padding:1px 4px;user-select:all'}),
    el('span', {text: '  explore.Replay("' + sched + '", f) runs it' + (end === 0 ? ', then lets the threads go on without preemptions' : ''), style: 'color:#777'})
  ]));

  if (end !== 0) {
    var ok = !failed(i);
    var box = el('div', {'class': 'fearless-play-end', style: 'margin:6px 0;padding:6px 8px;border-left:4px solid ' + (ok ? '#3ba272' : '#c23531') + ';background:' + (ok ? '#eef8f0' : '#fdeeee')}, [
      el('div', {text: (ok ? 'The program finished: ' : S[end[0]] + ': ') + S[end[1]].split('\n')[0], style: 'font-weight:bold'})
    ]);
    S[end[1]].split('\n').slice(1).forEach(function (l) { box.appendChild(el('div', {text: l.trim(), style: 'margin-left:12px'})); });
    if (end[2].length) {
      box.appendChild(el('div', {text: 'the wait-for cycle:', style: 'margin-top:4px'}));
      end[2].forEach(function (c) { box.appendChild(el('div', {'class': 'fearless-play-cycle', text: '→ ' + S[c], style: 'margin-left:12px'})); });
    }
    root.appendChild(box);
  }

  var table = el('table', {'class': 'fearless-play-threads', style: 'border-collapse:collapse;margin:6px 0'});
  table.appendChild(el('tr', {style: 'text-align:left;color:#666'}, ['thread', 'state', 'next', 'line', ''].map(function (h) { return el('th', {text: h, style: 'padding:2px 8px;text-align:left'}); })));
  var ths = p[3];
  for (var t = 0; t * 5 < ths.length; t++) {
    var st = ths[t * 5], nx = p[5][t], action;
    if (st === 0 && nx >= 0) {
      action = btn('move ' + LET[t], {'data-move': String(t), 'class': 'fearless-play-move', style: 'font-weight:bold'}, (function (t) { return function () { move(t); }; })(t));
    } else if (st === 0 && end === 0) {
      action = el('span', {text: nx === -2 ? 'beyond the preemption bound' : 'not explored (size cap)', style: 'color:#999'});
    } else {
      action = el('span', {text: S[ths[t * 5 + 4]], style: 'color:#c23531'});
    }
    var state = ['can move', 'blocked', 'finished'][st];
    var line = S[ths[t * 5 + 2]];
    var code = S[ths[t * 5 + 3]];
    table.appendChild(el('tr', {'data-thread': String(t), style: 'border-top:1px solid #eee;' + (st === 2 ? 'color:#999' : '')}, [
      el('td', {style: 'padding:2px 8px;text-align:left;white-space:nowrap'}, [chip(t)]),
      el('td', {text: state, style: 'padding:2px 8px;text-align:left;white-space:nowrap;color:' + ['#3ba272', '#c23531', '#999'][st]}),
      el('td', {text: S[ths[t * 5 + 1]], style: 'padding:2px 8px;text-align:left;white-space:nowrap'}),
      el('td', {style: 'padding:2px 8px;text-align:left'}, [el('span', {text: line, style: 'color:#666;white-space:nowrap'}), code ? el('code', {text: '  ' + code, style: 'margin-left:6px'}) : null]),
      el('td', {style: 'padding:2px 8px;text-align:left'}, [action])
    ]));
  }
  root.appendChild(table);

  var locks = p[4].map(function (l) { return S[l]; });
  var lockLines = locks.filter(function (l) { return l.indexOf('channel ') !== 0; });
  var chanLines = locks.filter(function (l) { return l.indexOf('channel ') === 0; });
  var waits = [];
  for (var w = 0; w * 5 < ths.length; w++) { if (ths[w * 5] === 1) { waits.push(NAMES[w] + ' ' + S[ths[w * 5 + 4]]); } }
  root.appendChild(el('div', {'class': 'fearless-play-state', style: 'margin:4px 0;color:#333'}, [
    el('div', {text: 'locks: ' + (lockLines.length ? lockLines.join('; ') : 'none held')}),
    chanLines.length ? el('div', {text: chanLines.join('; ')}) : null,
    el('div', {text: 'who waits for whom: ' + (waits.length ? waits.join('; ') : 'nobody waits')})
  ]));

  // The timeline so far: one column per thread, one row per step.
  var tl = el('table', {'class': 'fearless-play-timeline', style: 'border-collapse:collapse;font-size:12px;margin-top:6px'});
  tl.appendChild(el('tr', {}, NAMES.map(function (n, t) { return el('th', {style: 'padding:1px 6px;text-align:left;white-space:nowrap'}, [chip(t)]); })));
  var rows = 0;
  path.forEach(function (q, k) {
    var s = P[q][2];
    for (var x = 0; x < s.length; x += 4) {
      var chosen = k > 0 && x === 0, pre = chosen && P[q][6] > P[P[q][0]][6];
      var tr = el('tr', {style: chosen ? 'border-top:2px solid #888' : 'border-top:1px solid #f0f0f0'});
      for (var c = 0; c < NAMES.length; c++) {
        var td = el('td', {style: 'padding:1px 6px;vertical-align:top;min-width:120px;text-align:left'});
        if (c === s[x]) {
          td.style.background = COLORS[c % COLORS.length] + '22';
          td.textContent = (pre ? '⚡ ' : chosen ? '▶ ' : '') + S[s[x + 1]] + (S[s[x + 2]] ? '  · ' + S[s[x + 2]] : '');
          td.title = S[s[x + 3]] + (pre ? ' (a preemption: you switched away from a thread that could go on)' : chosen ? ' (your choice)' : '');
        }
        tr.appendChild(td);
      }
      tl.appendChild(tr);
      rows++;
    }
  });
  var scroll = el('div', {style: 'max-height:320px;overflow:auto'}, [
    el('div', {text: 'timeline so far (▶ your move, ⚡ a preemption):', style: 'color:#666;margin-top:6px'}), tl]);
  root.appendChild(scroll);
  scroll.scrollTop = scroll.scrollHeight;
}

render();
var T1 = (window.performance && performance.now) ? performance.now() : Date.now();
root.setAttribute('data-render-ms', String(Math.round((T1 - T0) * 10) / 10));
root.setAttribute('data-fearless-drawn', '1');
