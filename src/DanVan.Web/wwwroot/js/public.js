// Draws an initiative's results over time from the data on its canvas (no inline script: the CSP forbids it).
(function () {
  'use strict';
  var canvas = document.getElementById('results-chart');
  if (!canvas || !window.Chart) return;
  var d = JSON.parse(canvas.getAttribute('data-chart'));
  new window.Chart(canvas, {
    type: 'line',
    data: { labels: d.labels, datasets: [{ label: d.label, data: d.values, borderColor: '#b3261e', backgroundColor: '#b3261e', tension: 0.2 }] },
    options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
  });
})();
