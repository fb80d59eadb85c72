// <slipway-time-series>: the browser half of dev.slipway.ui.metrics.TimeSeriesChart.
// The server sets one property, `chart`:
//   { title, unit, x: [epoch ms...], series: [{ label, values: [number|null...], gaps: [index...] }],
//     markers: [{ at: epoch ms, label }] }
// A null value is a hole left by merging the series' timestamps (the line is drawn across it) unless its
// index is in `gaps` (a NaN on the server: the line breaks). Titles and labels are only ever set as text.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './slipway-time-series.css';

const HEIGHT = 200;
const PALETTE = ['#1a73e8', '#d93025', '#188038', '#e37400', '#9334e6', '#007b83', '#b06000', '#5f6368'];
const MARKER_COLOR = 'rgba(60, 64, 67, 0.85)';
const EMPTY_TEXT = 'No data in this time range';

function trim(n, digits) {
  // Up to `digits` decimals, without trailing zeros.
  return Number(n.toFixed(digits)).toString();
}

function decimals(abs) {
  return abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
}

function plain(v) {
  const abs = Math.abs(v);
  if (abs >= 1e6) return trim(v / 1e6, 2) + 'M';
  if (abs >= 1e3) return trim(v / 1e3, 2) + 'k';
  return trim(v, decimals(abs));
}

const FORMATS = {
  PER_SECOND: (v) => plain(v) + '/s',
  PERCENT: (v) => trim(v * 100, decimals(Math.abs(v * 100))) + '%',
  SECONDS: (v) => {
    const abs = Math.abs(v);
    if (abs === 0) return '0 ms';
    if (abs < 1e-3) return trim(v * 1e6, 0) + ' µs';
    if (abs < 1) return trim(v * 1e3, decimals(abs * 1e3)) + ' ms';
    if (abs < 120) return trim(v, decimals(abs)) + ' s';
    return trim(v / 60, 1) + ' min';
  },
  BYTES: (v) => {
    const abs = Math.abs(v);
    const units = [[1024 ** 4, 'TiB'], [1024 ** 3, 'GiB'], [1024 ** 2, 'MiB'], [1024, 'KiB']];
    for (const [size, name] of units) {
      if (abs >= size) return trim(v / size, decimals(abs / size)) + ' ' + name;
    }
    return trim(v, 0) + ' B';
  },
  CORES: (v) => {
    const abs = Math.abs(v);
    if (abs !== 0 && abs < 1) return trim(v * 1000, 0) + 'm';
    return trim(v, 2);
  },
  COUNT: (v) => plain(v),
};

// Tick steps for the y axis: binary ones for bytes (256 MiB, 1 GiB), uPlot's decimal ones otherwise.
const BYTE_INCRS = [0, 1, 2, 3, 4].flatMap((p) => [1, 2, 4, 8, 16, 32, 64, 128, 256, 512].map((m) => m * 1024 ** p));

function pad(n) {
  return String(n).padStart(2, '0');
}

// Time ticks in UTC and 24 h, like every other time in Slipway; the date under the first tick of a day.
function timeTicks(u, splits, axisIdx, space, incr) {
  let lastDay = null;
  return splits.map((s) => {
    const d = new Date(s * 1000);
    const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (incr >= 86400) {
      return day;
    }
    let text = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    if (incr < 60) {
      text += `:${pad(d.getUTCSeconds())}`;
    }
    if (day !== lastDay) {
      text += `\n${day}`;
      lastDay = day;
    }
    return text;
  });
}

// The legend's value for a series at a time where it has no sample of its own (its timestamps were merged
// with another series'): its latest earlier sample, or nothing across a real gap.
function valueAt(data, idx) {
  for (let i = idx; i >= 0; i--) {
    if (data[i] !== undefined) {
      return data[i];
    }
  }
  return null;
}

function formatter(unit) {
  const f = FORMATS[unit] || FORMATS.COUNT;
  return (v) => (v == null || Number.isNaN(v) ? '--' : f(v));
}

// The x values and one array per series, as uPlot wants them: seconds, undefined for alignment holes.
function toPlotData(chart) {
  const xs = chart.x.map((ms) => ms / 1000);
  const ys = chart.series.map((s) => {
    const gaps = new Set(s.gaps || []);
    return s.values.map((v, i) => (v == null ? (gaps.has(i) ? null : undefined) : v));
  });
  return [xs, ...ys];
}

function pointCount(chart) {
  return chart.series.reduce((n, s) => n + s.values.filter((v) => v != null).length, 0);
}

// A plot can be updated in place (setData) as long as its series and unit stay the same.
function shapeOf(chart) {
  return JSON.stringify([chart.unit, chart.series.map((s) => s.label)]);
}

class SlipwayTimeSeries extends HTMLElement {
  constructor() {
    super();
    this._chart = null;
    this._plot = null;
    this._shape = null;
    this._markers = [];
    this._resize = new ResizeObserver(() => this._fit());
  }

  connectedCallback() {
    // A value set before this element was upgraded sits on the instance and hides the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'chart')) {
      const value = this.chart;
      delete this.chart;
      this.chart = value;
    }
    this.classList.add('slipway-time-series');
    if (!this._titleEl) {
      this._titleEl = document.createElement('div');
      this._titleEl.className = 'slipway-time-series-title';
      this._plotEl = document.createElement('div');
      this._plotEl.className = 'slipway-time-series-plot';
      this._emptyEl = document.createElement('div');
      this._emptyEl.className = 'slipway-time-series-empty';
      this._emptyEl.textContent = EMPTY_TEXT;
      this.append(this._titleEl, this._plotEl, this._emptyEl);
    }
    this._resize.observe(this);
    this._render();
  }

  disconnectedCallback() {
    this._resize.disconnect();
  }

  set chart(value) {
    this._chart = value;
    this._render();
  }

  get chart() {
    return this._chart;
  }

  _width() {
    return Math.max(100, Math.floor(this._plotEl.getBoundingClientRect().width || this.clientWidth || 600));
  }

  _fit() {
    if (this._plot) {
      const width = this._width();
      if (width !== this._plot.width) {
        this._plot.setSize({ width, height: HEIGHT });
      }
    }
  }

  _render() {
    const chart = this._chart;
    if (!chart || !this.isConnected || !this._titleEl) {
      return;
    }
    this._titleEl.textContent = chart.title || '';
    this._titleEl.hidden = !chart.title;
    this._markers = (chart.markers || []).map((m) => ({ at: m.at / 1000, label: m.label }));

    const empty = pointCount(chart) === 0;
    this._emptyEl.hidden = !empty;
    this._plotEl.hidden = empty;
    if (empty) {
      this._destroy();
      return;
    }
    const data = toPlotData(chart);
    const shape = shapeOf(chart);
    if (this._plot && this._shape === shape) {
      this._plot.setData(data);
    } else {
      this._destroy();
      this._shape = shape;
      this._plot = new uPlot(this._options(chart), data, this._plotEl);
    }
  }

  _destroy() {
    if (this._plot) {
      this._plot.destroy();
      this._plot = null;
      this._shape = null;
    }
  }

  _options(chart) {
    const format = formatter(chart.unit);
    const series = [
      { label: 'Time', value: '{YYYY}-{MM}-{DD} {HH}:{mm}:{ss} UTC' },
      ...chart.series.map((s, i) => ({
        label: s.label,
        stroke: PALETTE[i % PALETTE.length],
        width: 1.5,
        value: (u, v, seriesIdx, idx) => format(v === undefined && idx != null ? valueAt(u.data[seriesIdx], idx) : v),
      })),
    ];
    return {
      width: this._width(),
      height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
      legend: { show: true, live: true },
      // Room on the right for the last time label; null: uPlot's own padding.
      padding: [null, 32, null, null],
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: {
          time: true,
          // Keep markers in view even when they lie outside the sampled range.
          range: (u, min, max) => {
            const c = this._chart;
            if (c && c.from != null && c.to != null) {
              // the range the page chose, however few samples there are yet
              return [c.from / 1000, c.to / 1000];
            }
            for (const m of this._markers) {
              min = Math.min(min, m.at);
              max = Math.max(max, m.at);
            }
            return min === max ? [min - 60, max + 60] : [min, max];
          },
        },
        y: {
          // From zero (or below, for negative values) to a little above the highest value.
          range: (u, min, max) => {
            const lo = Math.min(0, min ?? 0);
            const hi = Math.max(lo, max ?? lo);
            if (hi === lo) return [lo, lo + 1];
            const [niceLo, niceHi] = uPlot.rangeNum(lo, hi, 0.1, true);
            return [lo < 0 ? niceLo : 0, niceHi];
          },
        },
      },
      axes: [
        { values: timeTicks, space: 80 },
        {
          size: 64,
          values: (u, splits) => splits.map(format),
          ...(chart.unit === 'BYTES' ? { incrs: BYTE_INCRS } : {}),
        },
      ],
      series,
      hooks: { draw: [(u) => this._drawMarkers(u)] },
    };
  }

  _drawMarkers(u) {
    if (!this._markers.length) {
      return;
    }
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const px = uPlot.pxRatio;
    ctx.save();
    ctx.strokeStyle = MARKER_COLOR;
    ctx.fillStyle = MARKER_COLOR;
    ctx.lineWidth = px;
    ctx.setLineDash([4 * px, 4 * px]);
    ctx.font = `${Math.round(11 * px)}px sans-serif`;
    ctx.textBaseline = 'top';
    for (const m of this._markers) {
      const x = Math.round(u.valToPos(m.at, 'x', true));
      if (x < left - 1 || x > left + width + 1) {
        continue;
      }
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      // Label at the top, on the side where it fits.
      const textWidth = ctx.measureText(m.label).width;
      const rightSide = x + 4 * px + textWidth <= left + width;
      ctx.textAlign = rightSide ? 'left' : 'right';
      ctx.fillText(m.label, rightSide ? x + 4 * px : x - 4 * px, top + 2 * px);
    }
    ctx.restore();
  }
}

if (!customElements.get('slipway-time-series')) {
  customElements.define('slipway-time-series', SlipwayTimeSeries);
}
