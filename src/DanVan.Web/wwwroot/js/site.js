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
  // Unit pickers: type a name (tone marks optional) or a code, pick with the arrows and Enter, a tap, or a click.
  // The form posts the current-map code held in the hidden field beside the box.
  function unitPicker(box) {
    var root = box.closest('[data-unit-picker]');
    var value = root.querySelector('[data-unit-value]');
    var list = root.querySelector('[role=listbox]');
    var hits = [], active = -1, timer = null, asked = 0;
    function close() { list.classList.remove('show'); box.setAttribute('aria-expanded', 'false'); box.removeAttribute('aria-activedescendant'); active = -1; }
    function label(h) { return h.fullName + (h.parents ? ' · ' + h.parents : ''); }
    function choose(h) { value.value = h.currentCode; box.value = h.map === 2025 ? label(h) : h.currentFullName; close(); box.dispatchEvent(new Event('unit-chosen', { bubbles: true })); }
    function mark(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (li, k) { li.classList.toggle('active', k === i); li.setAttribute('aria-selected', k === i ? 'true' : 'false'); });
      if (i >= 0 && list.children[i]) { box.setAttribute('aria-activedescendant', list.children[i].id); list.children[i].scrollIntoView({ block: 'nearest' }); }
    }
    function render() {
      list.innerHTML = '';
      if (hits.length === 0) {
        var none = document.createElement('li');
        none.className = 'dropdown-item-text text-muted small';
        none.textContent = root.getAttribute('data-empty');
        list.appendChild(none);
      }
      hits.forEach(function (h, i) {
        var li = document.createElement('li');
        li.id = box.id + '_opt' + i;
        li.setAttribute('role', 'option');
        li.className = 'dropdown-item text-wrap unit-option';
        var name = document.createElement('div');
        name.textContent = h.fullName;
        var where = document.createElement('div');
        where.className = 'small text-muted';
        where.textContent = (h.parents || '') + (h.map === 2025 ? '' : ' (' + root.getAttribute('data-old') + ') → ' + root.getAttribute('data-now') + ' ' + h.currentFullName) + ' · ' + h.code;
        li.appendChild(name); li.appendChild(where);
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(h); });
        list.appendChild(li);
      });
      list.classList.add('show'); box.setAttribute('aria-expanded', 'true'); mark(-1);
    }
    function search() {
      var q = box.value.trim();
      if (q.length < 2 && !/^\d+$/.test(q)) { hits = []; close(); return; }
      var url = '/api/v1/units/search?limit=12&q=' + encodeURIComponent(q);
      if (root.getAttribute('data-level')) url += '&level=' + root.getAttribute('data-level');
      if (root.getAttribute('data-operation')) url += '&operation=' + root.getAttribute('data-operation');
      var mine = ++asked;
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (data) { if (mine === asked && document.activeElement === box) { hits = data; render(); } });
    }
    box.addEventListener('input', function () { value.value = ''; clearTimeout(timer); timer = setTimeout(search, 150); });
    box.addEventListener('keydown', function (e) {
      var open = list.classList.contains('show');
      if (e.key === 'ArrowDown') { e.preventDefault(); if (!open) { search(); return; } mark(Math.min(active + 1, hits.length - 1)); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); mark(Math.max(active - 1, 0)); }
      else if (e.key === 'Enter' && open && hits.length > 0) { e.preventDefault(); choose(hits[active >= 0 ? active : 0]); }
      else if (e.key === 'Escape') { close(); }
    });
    box.addEventListener('blur', function () {
      // One match left and nothing picked: that is the one meant.
      if (!value.value && hits.length === 1) choose(hits[0]);
      setTimeout(close, 150);
    });
    // Typed but not picked (no list yet): send what was typed, so the server names it in its error.
    box.form && box.form.addEventListener('submit', function () { if (!value.value && box.value.trim()) value.value = box.value.trim(); });
    if (!box.value) value.value = value.value || '';
  }
  document.addEventListener('focusin', function (e) {
    if (e.target.matches('[data-unit-text]') && !e.target.hasAttribute('data-ready')) { e.target.setAttribute('data-ready', ''); unitPicker(e.target); }
  });
  // A long check list narrows as a name is typed (tone marks optional: the rows carry their folded text).
  function fold(t) { return t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase(); }
  document.addEventListener('input', function (e) {
    if (!e.target.matches('[data-filter-list]')) return;
    var words = fold(e.target.value).split(/\s+/).filter(Boolean);
    document.querySelectorAll(e.target.getAttribute('data-filter-list') + ' [data-filter-text]').forEach(function (row) {
      var text = row.getAttribute('data-filter-text');
      row.classList.toggle('d-none', !words.every(function (w) { return text.indexOf(w) >= 0; }));
    });
  });
  // Confirm before destructive actions.
  // The button pressed may ask (Retire beside Keep), or the form, or the form when a field holds a value (a "Failed" conclusion).
  document.addEventListener('submit', function (e) {
    var form = e.target, by = e.submitter;
    var text = (by && by.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    var field = form.getAttribute('data-confirm-field');
    if (!text && field && form.elements[field] && form.elements[field].value === form.getAttribute('data-confirm-value')) {
      text = form.getAttribute('data-confirm-text');
    }
    if (text && !window.confirm(text)) e.preventDefault();
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
    var all = e.target.closest('[data-show-all]');
    if (all) {
      var table = document.querySelector(all.getAttribute('data-show-all'));
      var showing = table.classList.toggle('hide-zero') === false;
      all.setAttribute('aria-expanded', showing ? 'true' : 'false');
      all.textContent = all.getAttribute(showing ? 'data-less' : 'data-more');
      return;
    }
    var toggle = e.target.closest('[data-tree-toggle]');
    if (toggle) {
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      toggle.parentElement.querySelector(':scope > .children').hidden = !open;
      return;
    }
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
