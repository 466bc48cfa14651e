// Evidence: the chosen file's SHA-256 is computed here, in the browser (Web Crypto), and only the file's name and
// that hash are sent; the file input has no name, so the file itself never leaves the user's machine.
// The same for a dispute's evidence ('evidence-…' fields) and a customer's written preference ('preference-…').
(function () {
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }
  ['evidence', 'preference'].forEach(function (prefix) {
    var file = document.getElementById(prefix + '-file');
    var name = document.getElementById(prefix + '-name');
    var hash = document.getElementById(prefix + '-sha256');
    var status = document.getElementById(prefix + '-hash-status');
    if (file && name && hash && status) {
      hashOnChoice(file, name, hash, status);
    }
  });
  function hashOnChoice(file, name, hash, status) {
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
  }
})();
