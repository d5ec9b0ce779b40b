/*
 * Font size control. Loaded in <head> so the chosen size applies before the
 * first paint; the buttons are wired once the document is parsed. The choice
 * is kept in localStorage so cached pages stay identical for every visitor.
 *
 * It also marks <html class="js"> before the first paint: the stylesheet then shows the
 * control and folds the phone menus from the start, so nothing moves when the scripts run.
 */
(function () {
  "use strict";
  var KEY = "portal-font-size";
  var SIZES = ["normal", "large", "largest"];
  var root = document.documentElement;
  root.classList.add("js");

  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function apply(size) {
    if (SIZES.indexOf(size) === -1) { size = "normal"; }
    root.setAttribute("data-font-size", size);
    return size;
  }
  var current = apply(stored());

  document.addEventListener("DOMContentLoaded", function () {
    var group = document.querySelector(".font-size");
    if (!group) { return; }
    var buttons = group.querySelectorAll("[data-font-size]");
    function sync() {
      buttons.forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-font-size") === current));
      });
    }
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        current = apply(b.getAttribute("data-font-size"));
        try { localStorage.setItem(KEY, current); } catch (e) { /* private mode: size lasts this page */ }
        sync();
      });
    });
    sync();
    group.hidden = false;
  });
})();
