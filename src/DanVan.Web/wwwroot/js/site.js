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
  document.addEventListener('change', function (e) {
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
  document.addEventListener('DOMContentLoaded', syncOrigin);
})();
