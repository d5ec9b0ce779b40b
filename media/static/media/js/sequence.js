/*
 * Illustrated sequences ([data-sequence]) as a step-by-step player.
 *
 * The server sends an ordered list of illustrated steps, which is what visitors
 * without JavaScript, or who prefer reduced motion, keep. Here it becomes a
 * player that shows one step at a time with Previous, Play/Pause and Next, a
 * "Step 2 of 5" status read out by screen readers, and "Show all steps" for
 * reading at one's own pace. Nothing moves until the visitor presses Play
 * (WCAG 2.2.2), and playing stops at the last step rather than looping.
 */
(function () {
  "use strict";

  var INTERVAL_MS = 5000; // long enough to look at a picture and read its caption
  var motion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var players = [];

  function button(label, className) {
    var el = document.createElement("button");
    el.type = "button";
    el.className = "sequence__button " + className;
    el.textContent = label;
    return el;
  }

  function Player(section) {
    var steps = Array.from(section.querySelectorAll(".sequence__step"));
    var list = section.querySelector(".sequence__steps");
    var heading = section.querySelector(".sequence__title");
    var index = 0;
    var timer = null;
    var expanded = false;

    var controls = document.createElement("div");
    controls.className = "sequence__controls";
    var nav = document.createElement("div");
    nav.className = "sequence__nav";
    var previous = button("Previous step", "sequence__button--previous");
    var play = button("Play", "sequence__button--play");
    var next = button("Next step", "sequence__button--next");
    // Read out on every change, also while playing, so screen reader users
    // know a new step is showing without their focus being moved.
    var status = document.createElement("p");
    status.className = "sequence__status";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    var all = button("Show all steps", "sequence__button--all");
    list.id = list.id || heading.id.replace(/-title$/, "") + "-steps";
    all.setAttribute("aria-controls", list.id);
    nav.append(previous, play, next);
    controls.append(nav, status, all);

    function playing() {
      return timer !== null;
    }

    // aria-disabled rather than disabled: a disabled button drops keyboard focus
    // when it is the one just pressed (Next on reaching the last step).
    function disable(el, disabled) {
      el.setAttribute("aria-disabled", String(disabled));
    }

    function render(changed) {
      steps.forEach(function (step, i) {
        step.hidden = !expanded && i !== index;
        // Re-added on the step just shown, so the fade runs once per change.
        step.classList.toggle("sequence__step--entering", changed && i === index);
      });
      // Steps after the first are lazy-loaded, so a hidden one would only start
      // loading once shown; fetch the next picture now so it appears at once.
      var upcoming = steps[index + 1] && steps[index + 1].querySelector("img");
      if (upcoming) upcoming.loading = "eager";
      disable(previous, index === 0);
      disable(next, index === steps.length - 1);
      // The visible text is the accessible name; a changing name is the state,
      // so no aria-pressed as well, which would announce "Pause, pressed".
      play.textContent = playing() ? "Pause" : "Play";
      play.classList.toggle("sequence__button--playing", playing());
      nav.hidden = expanded;
      all.setAttribute("aria-expanded", String(expanded));
      section.classList.toggle("sequence--expanded", expanded);
      status.textContent = expanded
        ? "Showing all " + steps.length + " steps"
        : "Step " + (index + 1) + " of " + steps.length;
    }

    function pause() {
      clearTimeout(timer);
      timer = null;
    }

    function tick() {
      index += 1;
      // Stop on the last step: it stays in view until the visitor acts.
      timer = index < steps.length - 1 ? setTimeout(tick, INTERVAL_MS) : null;
      render(true);
    }

    function go(to) {
      pause();
      var target = Math.max(0, Math.min(steps.length - 1, to));
      var changed = target !== index;
      index = target;
      render(changed);
    }

    function toggle() {
      if (playing()) {
        pause();
        render(false);
        return;
      }
      var restart = index === steps.length - 1;
      if (restart) {
        index = 0;
      }
      timer = setTimeout(tick, INTERVAL_MS);
      render(restart);
    }

    function onKey(event) {
      if (expanded || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
        return;
      }
      var moves = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: steps.length - 1 };
      if (!(event.key in moves)) {
        return;
      }
      event.preventDefault(); // the arrows and Home/End would otherwise scroll the page
      go(moves[event.key]);
    }

    function onVisibility() {
      if (document.hidden && playing()) {
        pause();
        render(false);
      }
    }

    previous.addEventListener("click", function () {
      if (index > 0) go(index - 1);
    });
    next.addEventListener("click", function () {
      if (index < steps.length - 1) go(index + 1);
    });
    play.addEventListener("click", toggle);
    all.addEventListener("click", function () {
      pause();
      expanded = !expanded;
      render(false);
    });
    section.addEventListener("keydown", onKey);
    document.addEventListener("visibilitychange", onVisibility);

    heading.after(controls);
    section.classList.add("sequence--enhanced");
    render(false);

    // Back to the server's list, exactly as it was (reduced motion turned on).
    this.destroy = function () {
      pause();
      section.removeEventListener("keydown", onKey);
      document.removeEventListener("visibilitychange", onVisibility);
      controls.remove();
      steps.forEach(function (step) {
        step.hidden = false;
        step.classList.remove("sequence__step--entering");
      });
      section.classList.remove("sequence--enhanced", "sequence--expanded");
    };
  }

  function build() {
    document.querySelectorAll("[data-sequence]").forEach(function (section) {
      // A player of one step, or without its heading, would only get in the way.
      if (section.querySelectorAll(".sequence__step").length > 1 && section.querySelector(".sequence__title")) {
        players.push(new Player(section));
      }
    });
  }

  function destroy() {
    players.forEach(function (player) { player.destroy(); });
    players = [];
  }

  // Someone who turns on reduced motion while reading gets the plain list at once.
  motion.addEventListener("change", function () {
    if (motion.matches) {
      destroy();
    } else if (!players.length) {
      build();
    }
  });
  if (!motion.matches) {
    build();
  }
})();
