// While a verification runs, its page reloads itself every second so that the progress bar moves (without this
// script the page's reload link does the same).
(function () {
  window.setTimeout(function () { window.location.reload(); }, 1000);
})();
