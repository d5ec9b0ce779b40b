/*
 * Healthcare-professional notice for the Physicians section. The page content
 * stays in the HTML for search engines; visitors confirm once per browser
 * session (sessionStorage), so cached pages are the same for everyone.
 */
(function () {
  "use strict";
  var KEY = "portal-hcp-confirmed";
  var gate = document.getElementById("hcp-gate");
  if (!gate) { return; }
  var confirmed = false;
  try { confirmed = sessionStorage.getItem(KEY) === "yes"; } catch (e) { /* storage off */ }
  gate.close();
  if (confirmed) { return; }
  if (typeof gate.showModal === "function") {
    gate.showModal();
  } else {
    gate.setAttribute("open", "");
  }
  // Asking for a choice: the first Escape is ignored. Browsers let a second Escape close the
  // dialog anyway; that is not a confirmation, so the notice returns on the next page.
  gate.addEventListener("cancel", function (event) { event.preventDefault(); });
  gate.querySelector("[data-hcp-confirm]").addEventListener("click", function () {
    try { sessionStorage.setItem(KEY, "yes"); } catch (e) { /* lasts this page only */ }
    gate.close();
  });
})();
