/* ice-matrix embed loader, for the host page. Add once per page: <script src="…/embed.js" async></script>.
   No dependencies. It accepts messages only from the widget's own origin and only from its frames (matched by
   event.source), reads only what it expects, and never navigates or writes markup.
   - Sizes each frame marked data-ice-matrix to the height the widget announces (a number within bounds).
   - Tells the page's own script what the widget does: it dispatches "ice-matrix:ready" (once per frame) and
     "ice-matrix:view" (on every change of view) as DOM CustomEvents on the iframe, the message in `detail`.
   - Scroll steps without code: an element with data-ice-matrix-step="<view>" (for example "cell=palantir.
     employee-letter") shows that view in the frame when it crosses the middle of the window; the frame is the one
     whose id data-ice-matrix-frame names, else the first. */
(function () {
  'use strict';
  if (window.__iceMatrixLoader) return;
  window.__iceMatrixLoader = true;
  var MIN = 120, MAX = 20000, TYPE = 'ice-matrix:';
  var script = document.currentScript;
  var origin = script ? new URL(script.src, location.href).origin : null;

  function frames() { return document.querySelectorAll('iframe[data-ice-matrix]'); }

  function frameFor(source) {
    var all = frames();
    for (var i = 0; i < all.length; i++) if (all[i].contentWindow === source) return all[i];
    return null;
  }

  function heightOf(data) {
    if (data && typeof data === 'object' && data.sentinel === 'amp' && data.type === 'embed-size') return data.height;
    return null;
  }

  // The widget announces its height and its view when they change; a frame that spoke before this loader ran is
  // asked once, and answers with both.
  function ask(frame) {
    try { frame.contentWindow.postMessage('ice-matrix:height?', origin || '*'); } catch (err) { /* not ready */ }
  }
  var all = frames();
  for (var i = 0; i < all.length; i++) {
    // As the frame code's style attribute says (a host CSP may drop that): iOS Safari would widen the frame.
    all[i].style.width = '1px';
    all[i].style.minWidth = '100%';
    ask(all[i]);
    all[i].addEventListener('load', function (e) { ask(e.target); });
  }

  // Only the fields the API documents, as strings or null: nothing else of the message reaches the page.
  function detail(data) {
    var out = { type: data.type };
    ['version', 'view', 'cell', 'company'].forEach(function (k) {
      if (k in data) out[k] = typeof data[k] === 'string' ? data[k] : null;
    });
    return out;
  }

  function tell(frame, data) {
    if (data.type === TYPE + 'ready') {
      if (frame.__iceMatrixReady) return;
      frame.__iceMatrixReady = true;
      // A step the reader reached before the widget could listen.
      if (frame.__iceMatrixStep != null) post(frame, frame.__iceMatrixStep);
    } else if (data.type === TYPE + 'view') {
      frame.__iceMatrixView = typeof data.view === 'string' ? data.view : null;
    } else {
      return;
    }
    frame.dispatchEvent(new CustomEvent(data.type, { detail: detail(data) }));
  }

  window.addEventListener('message', function (e) {
    if (!e.source) return;
    if (origin && e.origin !== origin) return;
    var frame = frameFor(e.source);
    if (!frame) return;
    var data = e.data;
    if (data && typeof data === 'object' && typeof data.type === 'string' && data.type.indexOf(TYPE) === 0) {
      tell(frame, data);
      return;
    }
    var h = heightOf(data);
    if (typeof h !== 'number' || !isFinite(h)) return;
    h = Math.round(h);
    if (h < MIN || h > MAX) return;
    frame.style.height = h + 'px';
    frame.style.border = '0';
  });

  // A view asked for is asked again, twice at most, while the frame has not shown it: a command that arrives while
  // the widget is still starting, or handing over to its whole build, may go unheard.
  function post(frame, view, tries) {
    try { frame.contentWindow.postMessage({ type: TYPE + 'set-view', view: view }, origin || '*'); } catch (err) { return; }
    tries = tries || 0;
    if (tries < 2) {
      setTimeout(function () {
        if (frame.__iceMatrixStep === view && frame.__iceMatrixView !== view) post(frame, view, tries + 1);
      }, 1500);
    }
  }

  // Scroll steps.
  var steps = document.querySelectorAll('[data-ice-matrix-step]');
  if (!steps.length || !('IntersectionObserver' in window)) return;
  function show(step) {
    var id = step.getAttribute('data-ice-matrix-frame');
    var frame = id ? document.getElementById(id) : frames()[0];
    if (!frame || !frame.contentWindow) return;
    frame.__iceMatrixStep = step.getAttribute('data-ice-matrix-step');
    post(frame, frame.__iceMatrixStep);
  }
  // A box one pixel tall at the middle of the window: a step is entered when it crosses the middle.
  var middle = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { if (entry.isIntersecting) show(entry.target); });
  }, { rootMargin: '-50% 0px -50% 0px', threshold: 0 });
  for (var s = 0; s < steps.length; s++) middle.observe(steps[s]);
})();
