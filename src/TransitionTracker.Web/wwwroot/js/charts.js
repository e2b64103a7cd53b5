// Progressive enhancement: draws a chart above each table marked data-chart. The table stays on the page, so
// every number can still be read without the chart (and without JavaScript).
// A charted column's header may name its colour (data-chart-colour), so a series means the same colour everywhere
// (fast movers green, needs support red). Rows with data-chart-date (yyyy-mm-dd) are placed on a time axis, so
// points are as far apart as their dates are.
/* global Chart */
const palette = {
  blue: '#005eb8',
  green: '#007f3b',
  red: '#d5281b',
  yellow: '#ffb81c',
  purple: '#330072',
};
const order = ['blue', 'green', 'red', 'yellow', 'purple'];
const dayMs = 24 * 60 * 60 * 1000;
const dateFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function number(text) {
  const value = Number.parseFloat(text.replace(/[^0-9.-]/g, ''));
  return Number.isNaN(value) ? null : value;
}

function colourOf(header, index) {
  return palette[header.dataset.chartColour] || palette[order[index % order.length]];
}

function chartOf(table) {
  const rows = [...table.tBodies[0].rows];
  const headers = [...table.tHead.rows[0].cells];
  const columns = (table.dataset.chartColumns || '1').split(',').map(Number);
  const kind = table.dataset.chart === 'bar' ? 'bar' : 'line';
  const dated = kind === 'line' && rows.length > 0 && rows.every((row) => row.dataset.chartDate);
  const x = (row) => Date.parse(`${row.dataset.chartDate}T00:00:00Z`);
  return {
    type: kind,
    data: {
      labels: dated ? undefined : rows.map((row) => row.cells[0].textContent.trim()),
      datasets: columns.map((column, index) => ({
        label: headers[column].textContent.trim(),
        data: rows.map((row) => (dated
          ? { x: x(row), y: number(row.cells[column].textContent) }
          : number(row.cells[column].textContent))),
        borderColor: colourOf(headers[column], index),
        backgroundColor: colourOf(headers[column], index),
        tension: 0.2,
      })),
    },
    options: {
      animation: false,
      scales: {
        x: dated
          ? { type: 'linear', ticks: { callback: (value) => dateFormat.format(new Date(value)), maxTicksLimit: 8, stepSize: 30 * dayMs } }
          : {},
        y: { beginAtZero: true, suggestedMax: table.dataset.chartMax ? Number(table.dataset.chartMax) : undefined },
      },
      plugins: dated
        ? { tooltip: { callbacks: { title: (items) => rows[items[0].dataIndex].cells[0].textContent.trim() } } }
        : {},
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
