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
        // keep where the facilitator had scrolled each column to
        var kept = [window.scrollY], boxes = live.querySelectorAll(".side, .main");
        for (var i = 0; i < boxes.length; i++) { kept.push(boxes[i].scrollTop); }
        live.innerHTML = html;
        boxes = live.querySelectorAll(".side, .main");
        for (var j = 0; j < boxes.length; j++) { boxes[j].scrollTop = kept[j + 1]; }
        window.scrollTo(0, kept[0]);
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
