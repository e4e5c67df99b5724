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
import { wrapLabel } from './chart-labels.ts';

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

/** Value labels at the end of each bar (or above each point) of every series not drawn behind. */
function valueLabels(spec: ChartSpec, colour: string, size: number): Plugin {
  return {
    id: 'jixiaoValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = `${size}px ${FONT}`;
      ctx.fillStyle = colour;
      spec.series.forEach((s, i) => {
        if (s.behind) return;
        const labels = s.labels ?? s.text;
        chart.getDatasetMeta(i).data.forEach((el, j) => {
          const v = s.data[j];
          if (v === null || v === undefined || !labels[j]) return;
          const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
          const text = labels[j]!;
          const w = ctx.measureText(text).width;
          if (spec.horizontal) {
            const base = (el as unknown as { base: number }).base;
            const negative = v < 0;
            let tx = negative ? x - 6 - w : x + 6;
            let inside = false;
            if (tx + w > chartArea.right || tx < chartArea.left) {
              // no room beyond the bar: inside it, in white, when the bar is long enough
              const barLength = Math.abs(x - base);
              if (barLength > w + 10) {
                tx = negative ? x + 6 : x - 6 - w;
                inside = true;
              } else tx = Math.min(Math.max(chartArea.left + 2, tx), chartArea.right - w);
            }
            ctx.fillStyle = inside && s.tone !== 'muted' ? '#fff' : colour;
            ctx.textBaseline = 'middle';
            ctx.fillText(text, tx, y);
          } else {
            ctx.textBaseline = 'bottom';
            ctx.fillText(text, Math.min(Math.max(chartArea.left, x - w / 2), chartArea.right - w), y - 6);
          }
        });
      });
      ctx.restore();
    },
  };
}

/** Rough text width in px: CJK characters a full em, others about 0.6 em. */
const textWidth = (t: string, size: number) => [...t].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.6), 0);

/** On a narrow screen a long value label does not fit beside its bar: it goes under the name. */
function labelsUnderNames(spec: ChartSpec, width: number, size: number): boolean {
  if (!spec.horizontal || spec.kind !== 'bar' || spec.series.filter((s) => !s.behind).length !== 1) return false;
  const s = spec.series.find((x) => !x.behind)!;
  return Math.max(...(s.labels ?? s.text).map((t) => textWidth(t, size))) > width * 0.3;
}

function config(spec: ChartSpec, el: HTMLElement, width: number): ChartConfiguration {
  const c = palette(el);
  const size = Math.max(12, Math.round(c.size * 0.85));
  const under = labelsUnderNames(spec, width, size);
  const valueText = (() => {
    const s = spec.series.find((x) => !x.behind);
    return s ? (s.labels ?? s.text) : [];
  })();
  const font = { size, family: FONT };
  const horizontal = Boolean(spec.horizontal);
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
  const categoryAxis = { grid: { display: false }, ticks: { color: c.text, font, autoSkip: false, maxRotation: 0 } };
  return {
    type: spec.kind,
    data: {
      labels: spec.labels.map((l, i) => {
        const name = wrapLabel(l, maxChars);
        return under ? [...(Array.isArray(name) ? name : [name]), valueText[i] ?? ''] : name;
      }),
      datasets: spec.series.map((s, i) => {
        const colour = c[s.tone];
        const bars = spec.signed ? s.data.map((d) => ((d ?? 0) < 0 ? c.negative : colour)) : colour;
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
          ...(s.behind || spec.series.some((o) => o.behind)
            ? { grouped: false, order: s.behind ? 2 : 1, barPercentage: s.behind ? 0.9 : 0.55 }
            : { barPercentage: 0.8 }),
        };
      }) as any,
    },
    plugins: spec.kind === 'bar' && !under ? [valueLabels(spec, c.text, size)] : [],
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { top: spec.kind === 'bar' && !horizontal ? size * 1.5 : 4, right: 8 } },
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
  const width = box.clientWidth || fig.clientWidth || 320;
  const lineCount = (l: string) => {
    const w = wrapLabel(l, Math.max(4, Math.floor((width * 0.38) / Math.max(12, rem * 0.85))));
    return Array.isArray(w) ? w.length : 1;
  };
  const under = labelsUnderNames(spec, width, Math.max(12, Math.round(rem * 0.85)));
  const lines = Math.max(1, ...spec.labels.map(lineCount)) + (under ? 1 : 0);
  const rowHeight = rem * Math.max(2.2, lines * 1.2 + 0.8);
  box.style.height = `${Math.round(spec.horizontal ? spec.labels.length * rowHeight + rem * 5 : rem * 20)}px`;
  const cfg = config(spec, fig, width);
  const chart = new Chart(box.querySelector('canvas')!, cfg);
  if ((cfg.plugins ?? []).length) makeRoomForLabels(chart, spec);
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
