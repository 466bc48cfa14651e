// Evidence: the chosen file's SHA-256 is computed here, in the browser (Web Crypto), and only the file's name and
// that hash are sent; the file input has no name, so the file itself never leaves the user's machine.
(function () {
  var file = document.getElementById('evidence-file');
  var name = document.getElementById('evidence-name');
  var hash = document.getElementById('evidence-sha256');
  var status = document.getElementById('evidence-hash-status');
  if (!file || !name || !hash || !status) {
    return;
  }
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }
  file.addEventListener('change', function () {
    name.value = '';
    hash.value = '';
    var chosen = file.files && file.files[0];
    if (!chosen) {
      status.textContent = '';
      return;
    }
    if (!window.crypto || !window.crypto.subtle) {
      status.textContent = status.getAttribute('data-unsupported');
      return;
    }
    status.textContent = status.getAttribute('data-computing');
    chosen.arrayBuffer().then(function (bytes) {
      return window.crypto.subtle.digest('SHA-256', bytes);
    }).then(function (digest) {
      name.value = chosen.name;
      hash.value = hex(digest);
      status.textContent = status.getAttribute('data-done');
      status.setAttribute('data-sha256', hash.value);
    });
  });
})();
