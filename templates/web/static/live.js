// Keeps the facilitator's view up to date: the server sends an event when
// the room changes, and the panel is fetched again and swapped in.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.EventSource || !window.fetch) { return; }
  var base = live.getAttribute("data-base");
  var busy = false, again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(base + "panel", { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var y = window.scrollY;
        live.innerHTML = html;
        window.scrollTo(0, y);
      })
      .catch(function () {})
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }
  var events = new EventSource(base + "events");
  events.onmessage = function (e) {
    var panel = live.querySelector(".panel");
    if (panel && panel.getAttribute("data-version") === e.data) { return; }
    refresh();
  };
})();
