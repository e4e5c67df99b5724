/**
 * Draws the charts of a page with chart.js, tree-shaken to bars and lines. Each
 * <figure data-chart> carries its numbers as JSON; the table beside it stays the readable
 * copy, so the canvas is hidden from assistive technology. Colours come from CSS custom
 * properties, so the high-contrast mode and print get their own; charts redraw when the
 * 适老化 mode changes.
 *
 * So that a phone's main thread is never blocked: chart.js itself is loaded only when the
 * first chart is drawn, and each chart is drawn when it comes near the screen, in idle time. Bars carry value labels; long category names wrap (at most three lines, the full
 * name is in the table); rate axes start at 0.
 */
import type { Chart as ChartType, ChartConfiguration, Plugin } from 'chart.js';
import type { ChartSpec } from '../site/charts-data.ts';
import { labelsWhole, wrapLabel, wrapText, type Box } from './chart-labels.ts';

const FONT = 'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
const charts = new Map<HTMLElement, ChartType>();
let lib: Promise<typeof import('chart.js')> | undefined;

function loadChartJs() {
  lib ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, m.LineController, m.LineElement, m.PointElement, m.Tooltip, m.Legend);
    return m;
  });
  return lib;
}

function palette(el: HTMLElement) {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    primary: v('--chart-primary', '#1d4f91'),
    secondary: v('--chart-secondary', '#4f7bbf'),
    muted: v('--chart-muted', '#c9d3e0'),
    accent: v('--chart-accent', '#b35900'),
    negative: v('--chart-negative', '#a4262c'),
    grid: v('--chart-grid', '#e3e7ed'),
    text: v('--chart-text', '#1a1a1a'),
    size: parseFloat(css.fontSize) || 16,
  };
}

type Mode = 'beside' | 'stacked';

/** What a drawn chart's text occupies, in canvas px: kept on the canvas for the browser tests. */
interface Geometry {
  mode: Mode;
  labels: Box[];
  ticks: Box[];
  bars: Box[];
}

const lineHeight = (size: number) => Math.round(size * 1.3);

/** The value text of category j: one line per series drawn in front (its name first when there are several). */
function valueLines(spec: ChartSpec, j: number): string[] {
  const front = spec.series.filter((s) => !s.behind);
  return front
    .map((s) => {
      const t = s.data[j] === null || s.data[j] === undefined ? s.text[j] : (s.labels ?? s.text)[j];
      return t ? (front.length > 1 ? `${s.label}：${t}` : t) : '';
    })
    .filter(Boolean);
}

let measureCtx: CanvasRenderingContext2D | null | undefined;
function measurer(size: number): (t: string) => number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return (t) => textWidth(t, size);
  measureCtx.font = `${size}px ${FONT}`;
  return (t) => measureCtx!.measureText(t).width;
}

/** The width stacked text wraps to: the canvas less its padding and the axis' last label. */
const stackedWidth = (canvas: number) => Math.max(60, canvas - 60);

/** Rows of a stacked chart: the name's lines above the bars, the values' lines below. */
function stackedRows(spec: ChartSpec, width: number, size: number) {
  const m = measurer(size);
  return spec.labels.map((l, j) => ({
    name: wrapText(l, width, m),
    value: valueLines(spec, j).flatMap((t) => wrapText(t, width, m)),
  }));
}

/**
 * Value labels. Beside: at the end of each bar (above it when upright). Stacked: each bar's name
 * above it and its value below, across the whole width, wrapped, so nothing is cut on a phone.
 * Records every box it draws, and the bars', in `geo`.
 */
function valueLabels(spec: ChartSpec, colour: string, size: number, mode: Mode, geo: Geometry): Plugin {
  return {
    id: 'jixiaoValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      geo.labels = [];
      geo.bars = [];
      const metas = spec.series.map((_, i) => chart.getDatasetMeta(i));
      metas.forEach((meta) =>
        meta.data.forEach((el) => {
          const p = el.getProps(['x', 'y', 'base', 'width', 'height'], true) as { x: number; y: number; base: number; width: number; height: number };
          const horizontal = mode === 'stacked' || spec.horizontal;
          if (horizontal) geo.bars.push({ x: Math.min(p.x, p.base), y: p.y - p.height / 2, w: Math.abs(p.x - p.base), h: p.height });
          else geo.bars.push({ x: p.x - p.width / 2, y: Math.min(p.y, p.base), w: p.width, h: Math.abs(p.base - p.y) });
        }),
      );
      ctx.save();
      ctx.font = `${size}px ${FONT}`;
      ctx.fillStyle = colour;
      const lh = lineHeight(size);
      const put = (text: string, x: number, top: number) => {
        ctx.textBaseline = 'top';
        ctx.fillText(text, x, top);
        geo.labels.push({ x, y: top, w: ctx.measureText(text).width, h: size * 1.15, text });
      };
      if (mode === 'stacked') {
        const rows = stackedRows(spec, stackedWidth(chart.width), size);
        rows.forEach((row, j) => {
          const els = metas.map((m) => m.data[j]).filter(Boolean) as unknown as { y: number; height: number }[];
          const mid = els[0]?.y ?? chart.scales.y!.getPixelForTick(j);
          // Grouped bars sit one above the other: the name goes above the first, the values below the last.
          const top = Math.min(mid - size * 0.4, ...els.map((e) => e.y - (e.height || 0) / 2));
          const bottom = Math.max(mid + size * 0.4, ...els.map((e) => e.y + (e.height || 0) / 2));
          row.name.forEach((t, k) => put(t, chartArea.left, top - 3 - (row.name.length - k) * lh));
          row.value.forEach((t, k) => put(t, chartArea.left, bottom + 3 + k * lh));
        });
      } else
        spec.series.forEach((s, i) => {
          if (s.behind) return;
          const labels = s.labels ?? s.text;
          metas[i]!.data.forEach((el, j) => {
            const v = s.data[j];
            if (v === null || v === undefined || !labels[j]) return;
            const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
            const text = labels[j]!;
            const w = ctx.measureText(text).width;
            if (spec.horizontal) put(text, v < 0 ? x - 6 - w : x + 6, y - (size * 1.15) / 2);
            else put(text, x - w / 2, y - 6 - size * 1.15);
          });
        });
      ctx.restore();
    },
  };
}

/** The category axis' labels as chart.js placed them (after skipping those that would collide). */
function tickBoxes(chart: ChartType, spec: ChartSpec, mode: Mode, size: number): Box[] {
  if (mode === 'stacked') return [];
  const axis = spec.horizontal ? chart.scales.y : chart.scales.x;
  if (!axis || !axis.options.display) return [];
  const m = measurer(size);
  const lh = size * 1.2;
  return axis.ticks.map((t, i) => {
    const label = axis.getLabelForValue(t.value) as unknown;
    const lines = (Array.isArray(label) ? label : [String(label)]) as string[];
    const w = Math.max(...lines.map(m));
    const at = axis.getPixelForTick(i);
    return spec.horizontal
      ? { x: axis.right - 3 - w, y: at - (lines.length * lh) / 2, w, h: lines.length * lh, text: lines.join('') }
      : { x: at - w / 2, y: axis.top + 3, w, h: lines.length * lh, text: lines.join('') };
  });
}

/** Rough text width in px: CJK characters a full em, others about 0.6 em. */
const textWidth = (t: string, size: number) => [...t].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.6), 0);

/** The first layout tried: beside the bars on a wide screen, stacked on a phone or when a label is long. */
function firstMode(spec: ChartSpec, width: number, size: number): Mode {
  if (spec.kind !== 'bar') return 'beside';
  if (width < 560) return 'stacked';
  const longest = Math.max(0, ...spec.series.filter((s) => !s.behind).flatMap((s) => (s.labels ?? s.text).map((t) => textWidth(t, size))));
  return spec.horizontal && longest > width * 0.3 ? 'stacked' : 'beside';
}

function config(spec: ChartSpec, el: HTMLElement, width: number, mode: Mode, geo: Geometry): ChartConfiguration {
  const c = palette(el);
  const size = Math.max(12, Math.round(c.size * 0.85));
  const font = { size, family: FONT };
  const horizontal = mode === 'stacked' || Boolean(spec.horizontal);
  const isRate = spec.unit.includes('%');
  // Rates start at 0 so that 93% does not look like a collapse; the axis says so in its title.
  const min = spec.min ?? (isRate && !spec.signed ? 0 : undefined);
  const valueAxis = {
    min,
    max: spec.max,
    grace: horizontal ? '18%' : '10%',
    grid: { color: c.grid },
    ticks: { color: c.text, font, maxTicksLimit: Math.max(3, Math.floor(width / (size * (horizontal ? 7 : 4)))) },
    title: { display: true, text: spec.unit, color: c.text, font },
  };
  const maxChars = Math.max(4, Math.floor((horizontal ? width * 0.38 : width / Math.max(1, spec.labels.length)) / size));
  // Upright charts skip labels that would run into the next (the table names every year).
  const categoryAxis =
    mode === 'stacked'
      ? { display: false }
      : { grid: { display: false }, ticks: { color: c.text, font, autoSkip: !horizontal, autoSkipPadding: size * 0.6, maxRotation: 0 } };
  const thick = Math.round(size * 0.9);
  return {
    type: spec.kind,
    data: {
      labels: spec.labels.map((l) => (mode === 'stacked' ? l : wrapLabel(l, maxChars))),
      datasets: spec.series.map((s, i) => {
        const colour = c[s.tone];
        const bars = spec.signed ? s.data.map((d) => ((d ?? 0) < 0 ? c.negative : colour)) : colour;
        const bullet = s.behind || spec.series.some((o) => o.behind);
        return {
          label: s.label,
          data: s.data,
          backgroundColor: spec.kind === 'line' ? colour : bars,
          borderColor: colour,
          borderWidth: spec.kind === 'line' ? 3 : 0,
          pointRadius: 5,
          pointStyle: i % 2 ? 'rectRot' : 'circle',
          borderDash: spec.kind === 'line' && i % 2 ? [6, 4] : [],
          spanGaps: false,
          ...(bullet ? { grouped: false, order: s.behind ? 2 : 1, barPercentage: s.behind ? 0.9 : 0.55 } : { barPercentage: 0.8 }),
          ...(mode === 'stacked' && { barThickness: bullet && !s.behind ? Math.round(thick * 0.6) : thick }),
        };
      }) as any,
    },
    plugins: spec.kind === 'bar' ? [valueLabels(spec, c.text, size, mode, geo)] : [],
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: spec.kind === 'bar' && !horizontal ? size * 1.5 : 4, right: 8, left: mode === 'stacked' ? 4 : 0 } },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: spec.series.length > 1, labels: { color: c.text, font, usePointStyle: spec.kind === 'line' } },
        tooltip: {
          callbacks: { label: (ctx) => `${ctx.dataset.label}：${spec.series[ctx.datasetIndex]?.text[ctx.dataIndex] ?? ctx.formattedValue}` },
          titleFont: font,
          bodyFont: font,
        },
      },
    },
  } as ChartConfiguration;
}

/** Widens a horizontal value axis (when it has no fixed max) so that each value label fits
 * beyond its bar instead of over it. */
function makeRoomForLabels(chart: ChartType, spec: ChartSpec) {
  if (!spec.horizontal || spec.kind !== 'bar' || spec.max !== undefined) return;
  const scale = chart.scales.x;
  if (!scale) return;
  const plot = scale.width;
  const size = (chart.options.scales?.x?.ticks as { font?: { size?: number } } | undefined)?.font?.size ?? 14;
  chart.ctx.save();
  chart.ctx.font = `${size}px ${FONT}`;
  let needed = 0;
  spec.series.forEach((s) => {
    if (s.behind) return;
    (s.labels ?? s.text).forEach((label, j) => {
      const v = s.data[j];
      if (v === null || v === undefined || v <= 0) return;
      const room = plot - chart.ctx.measureText(label).width - 10;
      if (room > plot * 0.3) needed = Math.max(needed, (v * plot) / room);
    });
  });
  chart.ctx.restore();
  if (needed > scale.max) {
    (chart.options.scales!.x as { suggestedMax?: number }).suggestedMax = needed;
    chart.update('none');
  }
}

function boxHeight(spec: ChartSpec, mode: Mode, width: number, rem: number): number {
  const size = Math.max(12, Math.round(rem * 0.85));
  const legend = spec.series.length > 1 ? size * 2.6 : 0;
  const axis = size * 4.2;
  if (mode === 'stacked') {
    const lh = lineHeight(size);
    const front = spec.series.filter((s) => !s.behind).length;
    const bars = Math.round(size * 0.9) * (spec.series.some((s) => s.behind) ? 1 : front);
    const rows = stackedRows(spec, stackedWidth(width), size);
    const band = Math.max(...rows.map((r) => 2 * (Math.max(r.name.length, r.value.length) * lh + 6) + bars));
    return Math.round(rows.length * band + axis + legend);
  }
  if (!spec.horizontal) return Math.round(rem * 20);
  const lines = Math.max(
    1,
    ...spec.labels.map((l) => {
      const w = wrapLabel(l, Math.max(4, Math.floor((width * 0.38) / size)));
      return Array.isArray(w) ? w.length : 1;
    }),
  );
  return Math.round(spec.labels.length * rem * Math.max(2.2, lines * 1.2 + 0.8) + rem * 5 + legend);
}

async function draw(fig: HTMLElement) {
  let spec: ChartSpec;
  try {
    spec = JSON.parse(fig.dataset.chart ?? '');
  } catch {
    return; // the table is still there
  }
  const { Chart } = await loadChartJs();
  charts.get(fig)?.destroy();
  let box = fig.querySelector<HTMLElement>('.chart-box');
  if (!box) {
    box = document.createElement('div');
    box.className = 'chart-box';
    box.setAttribute('aria-hidden', 'true');
    box.append(document.createElement('canvas'));
    (fig.querySelector('.chart-note') ?? fig.querySelector('figcaption'))?.after(box);
  }
  const rem = parseFloat(getComputedStyle(box).fontSize) || 16;
  const size = Math.max(12, Math.round(rem * 0.85));
  const width = box.clientWidth || fig.clientWidth || 320;
  const canvas = box.querySelector('canvas')!;
  const make = (mode: Mode) => {
    box.style.height = `${boxHeight(spec, mode, width, rem)}px`;
    const geo: Geometry = { mode, labels: [], ticks: [], bars: [] };
    const cfg = config(spec, fig, width, mode, geo);
    const chart = new Chart(canvas, cfg);
    if (mode === 'beside') makeRoomForLabels(chart, spec);
    geo.ticks = tickBoxes(chart, spec, mode, size);
    return { chart, geo };
  };
  let { chart, geo } = make(firstMode(spec, width, size));
  // Beside the bars, a label that would be cut or touch another moves: the chart is drawn stacked.
  if (spec.kind === 'bar' && geo.mode === 'beside' && !labelsWhole([...geo.labels, ...geo.ticks], geo.bars, chart.width, chart.height)) {
    chart.destroy();
    ({ chart, geo } = make('stacked'));
  }
  canvas.dataset.geometry = JSON.stringify({ ...geo, width: chart.width, height: chart.height });
  // A chart that shows fewer labels than it has says so, and where every label is.
  const skipped = geo.mode === 'beside' && !spec.horizontal && geo.ticks.length < spec.labels.length;
  let note = fig.querySelector<HTMLElement>('.chart-fit-note');
  if (skipped && !note) {
    note = document.createElement('p');
    note.className = 'chart-note chart-fit-note';
    note.textContent = '屏幕较窄，图中只标出部分年份；各年的数字见下表。';
    box.after(note);
  } else if (!skipped) note?.remove();
  charts.set(fig, chart);
  fig.dataset.chartDrawn = 'true';
}

const idle = (fn: () => void) => ('requestIdleCallback' in window ? window.requestIdleCallback(fn, { timeout: 1500 }) : setTimeout(fn, 50));

// Each chart is drawn when it comes near the screen, in its own idle-time task: a page opened
// and left at the top draws nothing it does not show (print uses the tables, not the canvases).
const seen = new IntersectionObserver(
  (entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      seen.unobserve(e.target);
      idle(() => void draw(e.target as HTMLElement));
    }
  },
  { rootMargin: '300px 0px' },
);
document.querySelectorAll<HTMLElement>('figure[data-chart]').forEach((f) => seen.observe(f));

/** After a change of text size, redraw the charts already drawn; the others draw when seen. */
document.addEventListener('jixiao:display-change', () => {
  for (const fig of charts.keys()) idle(() => void draw(fig));
});
