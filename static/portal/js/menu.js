/*
 * Disclosure buttons: the header's Menu button and the section menu's "In this section"
 * button, which fold their content on narrow screens (site.css decides where; on wide
 * screens the buttons are not shown and nothing folds).
 *
 * Each button starts `hidden` with aria-expanded="false", inside an element marked
 * data-disclosure-root. font-size.js has already set <html class="js">, so the stylesheet
 * shows the buttons and folds the content from the first paint; without JavaScript the
 * buttons stay hidden and everything is shown. Opening toggles the root's `is-open` class.
 * Escape, pressed anywhere inside an open root, closes it and returns focus to its button.
 */
(function () {
  "use strict";

  function wire(button) {
    var root = button.closest("[data-disclosure-root]") || button.parentElement;

    function isOpen() {
      return button.getAttribute("aria-expanded") === "true";
    }
    function set(open) {
      button.setAttribute("aria-expanded", String(open));
      root.classList.toggle("is-open", open);
    }

    button.addEventListener("click", function () { set(!isOpen()); });
    root.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !isOpen() || event.defaultPrevented) { return; }
      // Escape in a search field with text first clears the text, as browsers do.
      var field = event.target;
      if (field.type === "search" && field.value) { return; }
      set(false);
      button.focus();
    });
    set(false);
    button.hidden = false;
  }

  document.querySelectorAll("[data-disclosure]").forEach(wire);
})();
