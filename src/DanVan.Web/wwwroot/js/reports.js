// Draws the report's trend from the data on its canvas (no inline script: the CSP forbids it).
(function () {
  'use strict';
  var canvas = document.getElementById('trend-chart');
  if (!canvas || !window.Chart) return;
  var d = JSON.parse(canvas.getAttribute('data-chart'));
  new window.Chart(canvas, {
    type: 'line',
    data: {
      labels: d.labels,
      datasets: [
        { label: d.maintainedLabel, data: d.maintained, borderColor: '#b3261e', backgroundColor: '#b3261e', tension: 0.2 },
        { label: d.recognizedLabel, data: d.recognized, borderColor: '#1d7a3b', backgroundColor: '#1d7a3b', tension: 0.2 }
      ]
    },
    options: { animation: false, plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
