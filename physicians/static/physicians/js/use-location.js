/*
 * "Use my location" on the physician finder.
 *
 * Shows the button only where the browser can locate the visitor, asks for the
 * position when it is pressed, and submits the search with lat and lng (rounded
 * to about 100 m) in place of a typed place. The position goes to this site's
 * server only, which uses it for that search and neither logs nor stores it.
 * Without JavaScript, or when the visitor says no, the form works as before.
 */
(function () {
  "use strict";

  var form = document.querySelector(".finder-form");
  if (!form || !("geolocation" in navigator)) {
    return;
  }
  var box = form.querySelector("[data-use-location]");
  var button = box.querySelector("button");
  var status = box.querySelector("[role=status]");
  var location = form.elements.location;
  var lat = form.elements.lat;
  var lng = form.elements.lng;

  function round(degrees) {
    return (Math.round(degrees * 1000) / 1000).toString();
  }

  // Typing a place replaces a located search, so both are never sent together.
  location.addEventListener("input", function () {
    lat.value = "";
    lng.value = "";
  });

  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = "Finding your location…";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        lat.value = round(position.coords.latitude);
        lng.value = round(position.coords.longitude);
        location.value = "";
        status.textContent = "Searching near your location…";
        form.submit();
      },
      function () {
        button.disabled = false;
        status.textContent =
          "We could not get your location. Enter a ZIP code or a city and state instead.";
        location.focus();
      },
      { maximumAge: 600000, timeout: 15000 }
    );
  });

  box.hidden = false;
})();
