package echart

// LibraryPath is where the fearless_charts Jupyter server extension serves
// the pinned ECharts library, relative to the server's base URL.
const LibraryPath = "fearless/echarts.min.js"

// loader is the page-wide part of every fragment: it defines, once per page,
// a promise of the ECharts library. Every chart on the page waits for the
// same promise, so the library loads once, and a chart draws only once it
// has loaded (JupyterLab re-creates script elements asynchronously, so an
// inline echarts.init would run too early).
//
// Where it comes from: window.echarts when the page has it (a standalone
// page embeds it); otherwise the Jupyter server's base URL, read from
// JupyterLab's #jupyter-config-data or classic Notebook's body data, plus
// LibraryPath. Under require.js (classic Notebook, some exports) ECharts
// registers as an AMD module instead of setting window.echarts, so it is
// loaded through require there. Outside a Jupyter page (an nbconvert HTML
// export, GitHub) nothing is loaded and the static picture stays.
const loader = `function fearlessLibrary() {
  var w = window;
  if (w.echarts && w.echarts.init) { return Promise.resolve(w.echarts); }
  if (w.__fearlessECharts) { return w.__fearlessECharts; }
  var base = null, cfg = document.getElementById('jupyter-config-data');
  if (cfg) { try { base = JSON.parse(cfg.textContent).baseUrl || null; } catch (e) { base = null; } }
  if (base === null && document.body && document.body.dataset && document.body.dataset.baseUrl) { base = document.body.dataset.baseUrl; }
  if (base === null) { return Promise.reject(new Error('not inside a Jupyter page')); }
  var src = base.replace(/\/?$/, '/') + '` + LibraryPath + `';
  w.__fearlessECharts = new Promise(function (resolve, reject) {
    var fail = function () { reject(new Error('could not load ' + src + ' (is the fearless_charts Jupyter server extension installed and enabled?)')); };
    if (typeof w.define === 'function' && w.define.amd && typeof w.require === 'function') {
      w.require([src], function (ec) { (ec && ec.init) ? resolve(ec) : fail(); }, fail);
      return;
    }
    var s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.onload = function () { (w.echarts && w.echarts.init) ? resolve(w.echarts) : fail(); };
    s.onerror = fail;
    document.head.appendChild(s);
  });
  w.__fearlessECharts.catch(function () { w.__fearlessECharts = null; });
  return w.__fearlessECharts;
}`

// formatTime formats a time in microseconds like lanes.FormatDuration.
const formatTime = `function fearlessTime(v) {
  var a = Math.abs(v), s = v < 0 ? '-' : '';
  var f = function (x) { return String(parseFloat(x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))); };
  if (a === 0) { return '0'; }
  if (a < 1) { return s + (a * 1000).toFixed(0) + 'ns'; }
  if (a < 1000) { return s + f(a) + 'µs'; }
  if (a < 1e6) { return s + f(a / 1000) + 'ms'; }
  return s + f(a / 1e6) + 's';
}`
