// The auditor's time slider: moving it loads the state (an opportunity's, a dispute's) as of the chosen instant and
// replaces only the state section (the page works without this script: the form's button and the list of instants do
// the same). The address keeps the form's other fields, such as the highlighted event of an aggregate's history.
(function () {
  var form = document.getElementById('time-slider-form');
  var slider = document.getElementById('time-slider');
  var state = document.getElementById('state');
  if (!form || !slider || !state || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  var output = document.getElementById('slider-instant');
  var latest = 0;

  function show(step) {
    var asked = ++latest;
    var params = new URLSearchParams(new FormData(form)); // the form's other fields (the highlighted event) too
    params.set('step', step);
    var url = form.action + '?' + params.toString();
    state.setAttribute('aria-busy', 'true');
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (asked !== latest) {
          return; // a later move is on its way
        }
        var page = new DOMParser().parseFromString(html, 'text/html');
        var next = page.getElementById('state');
        var nextOutput = page.getElementById('slider-instant');
        var nextSlider = page.getElementById('time-slider');
        if (next) {
          state.innerHTML = next.innerHTML;
          state.setAttribute('data-step', next.getAttribute('data-step'));
        }
        if (output && nextOutput) {
          output.textContent = nextOutput.textContent;
        }
        if (nextSlider) {
          slider.setAttribute('aria-valuetext', nextSlider.getAttribute('aria-valuetext') || '');
        }
        document.querySelectorAll('#instants a').forEach(function (link, index) {
          link.setAttribute('aria-current', String(index) === String(step) ? 'true' : 'false');
        });
        history.replaceState(null, '', url);
      })
      .finally(function () {
        if (asked === latest) {
          state.removeAttribute('aria-busy');
        }
      });
  }

  slider.addEventListener('change', function () { show(slider.value); });
  slider.addEventListener('input', function () { show(slider.value); });
})();
