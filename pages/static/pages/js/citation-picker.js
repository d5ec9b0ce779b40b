/*
 * The Citation plugin's reference picker: Select2 (as django.contrib.admin ships it) on
 * the form's multiple select, searching the reference library by number, author or title
 * through the reference admin's JSON view. Loaded as a file, as the CSP allows no inline
 * script; it runs in the CMS plugin modal's frame like on any admin form.
 */
"use strict";
{
  const $ = django.jQuery;

  function init(select) {
    $(select).select2({
      ajax: {
        url: select.dataset.url,
        dataType: "json",
        delay: 250,
        data: (params) => ({term: params.term || "", page: params.page || 1}),
      },
      placeholder: select.dataset.placeholder,
      width: "100%",
    });
  }

  $(() => {
    document.querySelectorAll("select.citation-picker").forEach(init);
  });
}
