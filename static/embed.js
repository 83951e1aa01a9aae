/* ice-matrix embed loader: sizes ice-matrix frames on pages that have no resize listener of their own.
   Add once per page: <script src="…/embed.js" async></script>. No dependencies.
   It only ever sets a frame's height: it matches each message to a frame by event.source, accepts only
   the widget's own origin, reads only a number within bounds, and never navigates or writes markup. */
(function () {
  'use strict';
  if (window.__iceMatrixLoader) return;
  window.__iceMatrixLoader = true;
  var MIN = 120, MAX = 20000;
  var script = document.currentScript;
  var origin = script ? new URL(script.src, location.href).origin : null;

  function frameFor(source) {
    var frames = document.querySelectorAll('iframe[data-ice-matrix]');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }

  function heightOf(data) {
    if (data && typeof data === 'object' && data.sentinel === 'amp' && data.type === 'embed-size') return data.height;
    return null;
  }

  // The widget announces its height when it changes; a frame that was sized before this loader ran is asked once.
  function ask(frame) {
    try { frame.contentWindow.postMessage('ice-matrix:height?', origin || '*'); } catch (err) { /* not ready */ }
  }
  var frames = document.querySelectorAll('iframe[data-ice-matrix]');
  for (var i = 0; i < frames.length; i++) {
    // As the frame code's style attribute says (a host CSP may drop that): iOS Safari would widen the frame.
    frames[i].style.width = '1px';
    frames[i].style.minWidth = '100%';
    ask(frames[i]);
    frames[i].addEventListener('load', function (e) { ask(e.target); });
  }

  window.addEventListener('message', function (e) {
    if (!e.source) return;
    if (origin && e.origin !== origin) return;
    var frame = frameFor(e.source);
    if (!frame) return;
    var h = heightOf(e.data);
    if (typeof h !== 'number' || !isFinite(h)) return;
    h = Math.round(h);
    if (h < MIN || h > MAX) return;
    frame.style.height = h + 'px';
    frame.style.border = '0';
  });
})();
