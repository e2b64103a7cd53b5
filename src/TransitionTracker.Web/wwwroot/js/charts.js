// Progressive enhancement: draws a chart above each table marked data-chart. The table stays on the page, so
// every number can still be read without the chart (and without JavaScript).
/* global Chart */
const nhsBlue = '#005eb8';
const nhsGreen = '#007f3b';
const nhsRed = '#d5281b';

function number(text) {
  const value = Number.parseFloat(text.replace(/[^0-9.-]/g, ''));
  return Number.isNaN(value) ? null : value;
}

function chartOf(table) {
  const rows = [...table.tBodies[0].rows];
  const headers = [...table.tHead.rows[0].cells].map((cell) => cell.textContent.trim());
  const columns = (table.dataset.chartColumns || '1').split(',').map(Number);
  const colours = [nhsBlue, nhsGreen, nhsRed, '#ffb81c', '#330072'];
  const kind = table.dataset.chart === 'bar' ? 'bar' : 'line';
  return {
    type: kind,
    data: {
      labels: rows.map((row) => row.cells[0].textContent.trim()),
      datasets: columns.map((column, index) => ({
        label: headers[column],
        data: rows.map((row) => number(row.cells[column].textContent)),
        borderColor: colours[index % colours.length],
        backgroundColor: colours[index % colours.length],
        tension: 0.2,
      })),
    },
    options: {
      animation: false,
      scales: { y: { beginAtZero: true, suggestedMax: table.dataset.chartMax ? Number(table.dataset.chartMax) : undefined } },
    },
  };
}

function draw() {
  if (typeof Chart === 'undefined') {
    return;
  }

  for (const table of document.querySelectorAll('table[data-chart]')) {
    const figure = document.createElement('div');
    figure.className = 'app-chart';
    const canvas = document.createElement('canvas');
    // The table below carries the same numbers; the chart is a picture of it.
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `Chart of the table: ${table.caption ? table.caption.textContent.trim() : 'data'}`);
    figure.appendChild(canvas);
    table.parentNode.insertBefore(figure, table);
    // eslint-disable-next-line no-new
    new Chart(canvas, chartOf(table));
  }
}

draw();
