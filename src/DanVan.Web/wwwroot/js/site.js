// Behaviour without inline scripts (the Content-Security-Policy forbids them).
(function () {
  'use strict';
  // Show the "replicated from" fields only for replicated models.
  function syncOrigin() {
    var origin = document.querySelector('[data-origin-select]');
    var box = document.querySelector('[data-replicated-fields]');
    if (!origin || !box) return;
    box.hidden = origin.value !== 'Replicated';
  }
  // Confirm before destructive actions.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.matches('[data-confirm]') && !window.confirm(form.getAttribute('data-confirm'))) {
      e.preventDefault();
    }
  });
  // A document's layout (Party or State) brings its own defaults: fields still holding the old layout's default
  // (or empty) take the new one; what the officer typed stays.
  var layoutShown = {};
  function switchLayout(select) {
    var all = JSON.parse(select.getAttribute('data-layout-defaults'));
    var before = all[layoutShown[select.name] || 'Party'] || {};
    var after = all[select.value] || {};
    Object.keys(after).forEach(function (key) {
      var field = select.form.elements['Input.' + key];
      if (field && (field.value === '' || field.value === before[key])) field.value = after[key];
    });
    layoutShown[select.name] = select.value;
  }
  document.addEventListener('change', function (e) {
    if (e.target.matches('[data-layout-defaults]')) switchLayout(e.target);
    if (e.target.matches('[data-origin-select]')) syncOrigin();
    if (e.target.matches('[data-autosubmit]')) e.target.form.requestSubmit();
  });
  document.addEventListener('click', function (e) {
    if (e.target.closest('[data-print]')) { window.print(); return; }
    var btn = e.target.closest('[data-copy]');
    if (btn && navigator.clipboard) {
      navigator.clipboard.writeText(document.getElementById(btn.getAttribute('data-copy')).textContent.trim());
      btn.textContent = btn.getAttribute('data-copied') || 'OK';
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    syncOrigin();
    document.querySelectorAll('[data-layout-defaults]').forEach(function (s) { layoutShown[s.name] = s.value; });
  });
})();
