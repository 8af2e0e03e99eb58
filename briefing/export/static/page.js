/* Read along: highlight the sentence being heard, play from any sentence or chapter, speed and keys.
   Everything it needs is in the page (data-start/data-end on each timed element); it loads nothing. */
(function () {
  "use strict";
  var audio = document.getElementById("audio");
  if (!audio) { return; }
  var timed = Array.prototype.slice.call(document.querySelectorAll("[data-start]"));
  var starts = timed.map(function (el) { return parseFloat(el.getAttribute("data-start")); });
  var sentences = timed.filter(function (el) { return el.tagName !== "A"; });
  var chapters = Array.prototype.slice.call(document.querySelectorAll("a.chapter"));
  var speed = document.getElementById("speed");
  var status = document.getElementById("status");
  var keysOn = document.getElementById("keys-on");
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
  var current = null;
  var EPSILON = 0.002;  // data-start has millisecond precision

  document.documentElement.classList.add("js");
  document.getElementById("controls").hidden = false;
  document.getElementById("keys").hidden = false;
  sentences.forEach(function (el, index) { el.tabIndex = index === 0 ? 0 : -1; });
  var roving = sentences[0] || null;  // the one sentence Tab reaches; arrows move among the others

  function timedAt(seconds) {
    var low = 0, high = starts.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (starts[middle] <= seconds + EPSILON) { found = middle; low = middle + 1; } else { high = middle - 1; }
    }
    return found < 0 ? null : timed[found];
  }

  function rove(el) {
    if (el === roving || el.tagName === "A") { return; }
    if (roving) { roving.tabIndex = -1; }
    el.tabIndex = 0;
    roving = el;
  }

  function highlight(el) {
    if (el === current) { return; }
    if (current) { current.removeAttribute("aria-current"); }
    current = el;
    if (!el) { return; }
    el.setAttribute("aria-current", "true");
    if (!audio.paused && !el.contains(document.activeElement)) {
      rove(el);
      el.scrollIntoView({ block: "center", behavior: reduceMotion && reduceMotion.matches ? "auto" : "smooth" });
    }
  }

  function follow() { highlight(timedAt(audio.currentTime)); }
  ["timeupdate", "seeked", "seeking", "play"].forEach(function (name) { audio.addEventListener(name, follow); });

  function say(message) { status.textContent = message; }

  function playFrom(seconds) {
    audio.currentTime = seconds;
    var playing = audio.play();
    if (playing && playing.catch) { playing.catch(function () { say("Press play to listen."); }); }
  }

  function setSpeed(value) {
    var rate = Math.min(2, Math.max(0.75, value));
    audio.preservesPitch = true;
    audio.playbackRate = rate;
    speed.value = String(rate);
    say("Speed " + rate + "×");
  }
  speed.addEventListener("change", function () { setSpeed(parseFloat(speed.value)); });
  function stepSpeed(direction) {
    var values = Array.prototype.map.call(speed.options, function (o) { return parseFloat(o.value); });
    var index = values.indexOf(audio.playbackRate);
    if (index < 0) { index = values.indexOf(1); }
    setSpeed(values[Math.min(values.length - 1, Math.max(0, index + direction))]);
  }

  function startOf(el) { return parseFloat(el.getAttribute("data-start")); }

  chapters.forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      playFrom(startOf(link));
    });
  });
  sentences.forEach(function (el) {
    el.addEventListener("click", function () { rove(el); playFrom(startOf(el)); });
  });

  function moveSentence(el, direction) {
    var next = sentences[sentences.indexOf(el) + direction];
    if (next) { rove(next); next.focus(); }
  }
  document.getElementById("transcript").addEventListener("keydown", function (event) {
    var el = event.target;
    if (sentences.indexOf(el) < 0 || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); playFrom(startOf(el)); }
    else if (event.key === "ArrowDown") { event.preventDefault(); moveSentence(el, 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); moveSentence(el, -1); }
  });

  function chapterNear(direction) {
    var now = audio.currentTime, list = chapters.map(startOf);
    if (direction > 0) {
      for (var i = 0; i < list.length; i++) { if (list[i] > now + 0.5) { return chapters[i]; } }
      return null;
    }
    for (var j = list.length - 1; j >= 0; j--) { if (list[j] < now - 2) { return chapters[j]; } }
    return null;
  }

  var actions = {
    k: function () { if (audio.paused) { playFrom(audio.currentTime); } else { audio.pause(); } },
    j: function () { audio.currentTime = Math.max(0, audio.currentTime - 10); },
    l: function () { audio.currentTime = Math.min(audio.duration || 0, audio.currentTime + 10); },
    "[": function () { stepSpeed(-1); },
    "]": function () { stepSpeed(1); },
    n: function () { var c = chapterNear(1); if (c) { c.focus(); playFrom(startOf(c)); } },
    p: function () { var c = chapterNear(-1); if (c) { c.focus(); playFrom(startOf(c)); } else { playFrom(0); } }
  };
  try { keysOn.checked = window.localStorage.getItem("briefing-keys") !== "off"; } catch (e) { /* no storage */ }
  keysOn.addEventListener("change", function () {
    try { window.localStorage.setItem("briefing-keys", keysOn.checked ? "on" : "off"); } catch (e) { /* none */ }
  });
  document.addEventListener("keydown", function (event) {
    var tag = event.target.tagName;
    if (!keysOn.checked || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || tag === "AUDIO" || event.target.isContentEditable) {
      return;
    }
    var action = actions[event.key];
    if (action) { event.preventDefault(); action(); }
  });
  follow();
}());
