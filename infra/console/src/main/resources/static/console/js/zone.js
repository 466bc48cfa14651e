// Tells the console the browser's time zone (a cookie the server reads), so that times are shown in the user's zone.
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && document.cookie.indexOf('console-zone=' + zone) === -1) {
    document.cookie = 'console-zone=' + zone + '; path=/console; SameSite=Lax; max-age=31536000';
  }
})();
