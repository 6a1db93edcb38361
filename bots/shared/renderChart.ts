import type { TopLevelSpec } from 'vega-lite';

/** Every chart is drawn at this size in CSS pixels and rasterised at 2× for phone screens. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 320;
export const CHART_SCALE = 2;

export interface Chart {
  png: Buffer;
  width: number;
  height: number;
}

// Loaded on the first chart, so a bot that never draws one starts without vega in memory.
let libraries: Promise<[typeof import('vega'), typeof import('vega-lite'), typeof import('@resvg/resvg-js')]>;
const load = () => {
  libraries ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
  return libraries;
};

/**
 * A Vega-Lite spec → SVG (vega's headless renderer) → PNG (resvg). Fully offline: no canvas build,
 * no browser, no font download; text uses the system's fonts (DejaVu Sans covers Latin and Persian,
 * and resvg shapes right-to-left script). `fit` sizing makes every chart exactly the same size.
 */
export async function renderChart(spec: TopLevelSpec): Promise<Chart> {
  const [vega, vegaLite, { renderAsync }] = await load();
  const full = {
    ...spec,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    config: { font: 'DejaVu Sans, sans-serif', ...(spec as { config?: object }).config },
  } as TopLevelSpec;
  const view = new vega.View(vega.parse(vegaLite.compile(full).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // Rasterising takes ~0.1 s of CPU: off the event loop (libuv's pool), so other updates flow.
    const rendered = await renderAsync(svg, {
      fitTo: { mode: 'zoom', value: CHART_SCALE },
      background: 'white',
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    });
    return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
  } finally {
    view.finalize();
  }
}
