/**
 * Draws the charts of a page with chart.js, tree-shaken to bars and lines. Each
 * <figure data-chart> carries its numbers as JSON; the table beside it stays the readable
 * copy, so the canvas is hidden from assistive technology. Colours come from CSS custom
 * properties, so the high-contrast mode and print get their own; charts redraw when the
 * 适老化 mode changes.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type Plugin } from 'chart.js';
import type { ChartSpec } from '../site/charts-data.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

const FONT = 'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
const charts = new Map<HTMLElement, Chart>();

function palette(el: HTMLElement) {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    primary: v('--chart-primary', '#1d4f91'), secondary: v('--chart-secondary', '#4f7bbf'), muted: v('--chart-muted', '#c9d3e0'),
    accent: v('--chart-accent', '#b35900'), negative: v('--chart-negative', '#a4262c'), grid: v('--chart-grid', '#e3e7ed'), text: v('--chart-text', '#1a1a1a'),
    size: parseFloat(css.fontSize) || 16,
  };
}

/** spec.valueLabels: each horizontal bar's value (its series text) written after the bar's end. */
function valueLabels(spec: ChartSpec, colour: string, font: string): Plugin {
  return {
    id: 'jixiaoValueLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = font;
      ctx.fillStyle = colour;
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((_, di) => {
        chart.getDatasetMeta(di).data.forEach((bar, i) => {
          const text = spec.series[di]?.text[i];
          if (text) ctx.fillText(text, bar.x + 6, bar.y);
        });
      });
      ctx.restore();
    },
  };
}

function config(spec: ChartSpec, el: HTMLElement): ChartConfiguration {
  const c = palette(el);
  const size = Math.round(c.size * 0.85);
  const labelled = Boolean(spec.valueLabels && spec.horizontal);
  const valueAxis = { min: spec.min, max: spec.max, grid: { color: c.grid }, ticks: { color: c.text, font: { size, family: FONT } }, title: { display: true, text: spec.unit, color: c.text, font: { size, family: FONT } } };
  const categoryAxis = { grid: { display: false }, ticks: { color: c.text, font: { size, family: FONT }, autoSkip: false } };
  const horizontal = Boolean(spec.horizontal);
  return {
    type: spec.kind,
    data: {
      labels: spec.labels,
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
          ...(s.behind || spec.series.some((o) => o.behind) ? { grouped: false, order: s.behind ? 2 : 1, barPercentage: s.behind ? 0.9 : 0.55 } : { barPercentage: 0.8 }),
        };
      }) as any,
    },
    plugins: labelled ? [valueLabels(spec, c.text, `${size}px ${FONT}`)] : [],
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      ...(labelled && { layout: { padding: { right: size * 6 } } }),
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: spec.series.length > 1, labels: { color: c.text, font: { size, family: FONT }, usePointStyle: spec.kind === 'line' } },
        tooltip: {
          callbacks: { label: (ctx) => `${ctx.dataset.label}：${spec.series[ctx.datasetIndex]?.text[ctx.dataIndex] ?? ctx.formattedValue}` },
          titleFont: { family: FONT }, bodyFont: { family: FONT },
        },
      },
    },
  } as ChartConfiguration;
}

function draw(fig: HTMLElement) {
  let spec: ChartSpec;
  try {
    spec = JSON.parse(fig.dataset.chart ?? '');
  } catch {
    return; // the table is still there
  }
  charts.get(fig)?.destroy();
  let box = fig.querySelector<HTMLElement>('.chart-box');
  if (!box) {
    box = document.createElement('div');
    box.className = 'chart-box';
    box.setAttribute('aria-hidden', 'true');
    box.append(document.createElement('canvas'));
    (fig.querySelector('.chart-note') ?? fig.querySelector('figcaption'))?.after(box);
  }
  const rows = spec.labels.length;
  const rem = parseFloat(getComputedStyle(box).fontSize) || 16;
  box.style.height = `${Math.round(spec.horizontal ? rows * rem * 2.4 + rem * 5 : rem * 20)}px`;
  const chart = new Chart(box.querySelector('canvas')!, config(spec, fig));
  charts.set(fig, chart);
  fig.dataset.chartDrawn = 'true';
}

function drawAll() {
  document.querySelectorAll<HTMLElement>('figure[data-chart]').forEach(draw);
}

drawAll();
document.addEventListener('jixiao:display-change', drawAll);
