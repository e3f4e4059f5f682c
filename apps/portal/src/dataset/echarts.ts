// ECharts from its core with only the charts and components the portal draws (tree-shaken), in this chunk
// alone: pages without a chart never download it.
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';

// LabelLayout: labels that would cover each other are hidden (the map's names).
echarts.use([BarChart, LineChart, ScatterChart, AriaComponent, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, LabelLayout, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Draws `option` into `element`, redraws when it changes, follows the element's size (debounced). */
export function useEcharts(element: Ref<HTMLElement | undefined>, option: Ref<ChartOption | undefined>): void {
  let chart: echarts.ECharts | undefined;
  let observer: ResizeObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function draw(): void {
    if (!element.value || !option.value) return;
    chart ??= echarts.init(element.value, undefined, { renderer: 'canvas' });
    // No animation for readers who asked their system for less motion.
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart.setOption({ animation: !still, ...option.value }, { notMerge: true });
  }

  onMounted(() => {
    draw();
    observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => chart?.resize(), 150);
    });
    if (element.value) observer.observe(element.value);
  });
  watch(option, draw);
  onBeforeUnmount(() => {
    clearTimeout(timer);
    observer?.disconnect();
    chart?.dispose();
  });
}
