// The coordinator's pictures: a world map of unmet need by country, and for each supply type its
// five stages. ECharts draws both (WebJar); the countries are Natural Earth's 110m shapes as
// TopoJSON, keyed by ISO 3166-1 numeric code, which the areas API gives for each country. Each
// picture has the same numbers as a table beside it, for screen readers and for the tests.
/* global echarts, topojson */
import { countries, placeName, supplyName } from './catalogue.js';
import { el } from './dom.js';
import { number, t } from './i18n.js';

/** What was asked, and how far the matched part got: the chart's bars and the gap table's columns. */
export const STAGES = ['requested', 'proposed', 'committed', 'dispatched', 'delivered'];
let libraries = null;
let librariesReady = null;
let worldReady = null;
let map = null;
let chart = null;

/** The libraries' addresses, from /portal/settings; they load only when a coordinator signs in. */
export function useLibraries(addresses) {
  libraries = addresses;
}

function script(src) {
  return new Promise((resolve, reject) => {
    const node = document.createElement('script');
    node.src = src;
    node.onload = resolve;
    node.onerror = () => reject(new Error('cannot load ' + src));
    document.head.append(node);
  });
}

export function loadLibraries() {
  librariesReady = librariesReady || Promise.all([script(libraries.echarts), script(libraries.topojson)]);
  return librariesReady;
}

function loadWorld() {
  worldReady = worldReady || loadLibraries().then(() => fetch(libraries.worldMap)).then((response) => response.json()).then((topology) => {
    const byNumeric = new Map(countries().filter((c) => c.numericCode).map((c) => [c.numericCode, c.code]));
    const shapes = topojson.feature(topology, topology.objects.countries);
    shapes.features = shapes.features.filter((feature) => byNumeric.has(Number(feature.id)));
    shapes.features.forEach((feature) => { feature.properties = { name: byNumeric.get(Number(feature.id)) }; });
    echarts.registerMap('world', shapes);
  });
  return worldReady;
}

const rtl = () => document.documentElement.dir === 'rtl';

/** Unmet quantity by country for one supply type, or for all of them. */
export function unmetByCountry(rows, supplyType) {
  const unmet = new Map();
  rows.filter((row) => !supplyType || row.supplyType === supplyType)
    .forEach((row) => unmet.set(row.country, (unmet.get(row.country) || 0) + row.unmet));
  return unmet;
}

export async function drawMap(container, table, rows, supplyType, onCountry) {
  await loadWorld();
  const unmet = unmetByCountry(rows, supplyType);
  const data = [...unmet.entries()].map(([code, value]) => ({ name: code, value }));
  const max = Math.max(1, ...data.map((item) => item.value));
  if (!map) {
    map = echarts.init(container, null, { renderer: 'canvas' });
    map.on('click', (params) => { if (params.name) onCountry(params.name); });
    new ResizeObserver(() => map.resize()).observe(container);
  }
  map.setOption({
    tooltip: { trigger: 'item', renderMode: 'richText', formatter: (p) => placeName(p.name) + ': ' + (Number.isFinite(p.value) ? number(p.value) : '0') },
    visualMap: { min: 0, max, left: rtl() ? 'right' : 'left', bottom: 0, text: [t('map.more'), t('map.less')], calculable: false, inRange: { color: ['#fde6d4', '#f08a4b', '#b3261e'] }, textStyle: { color: '#333' } },
    series: [{
      type: 'map', map: 'world', roam: true, nameProperty: 'name', emphasis: { label: { show: false } },
      itemStyle: { areaColor: '#eef1f4', borderColor: '#9aa5b1', borderWidth: 0.4 },
      select: { disabled: true }, data,
    }],
  }, { notMerge: false });
  table.replaceChildren(
    el('caption', { text: t('map.tableCaption') }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('gaps.country') }), el('th', { scope: 'col', class: 'num', text: t('stage.unmet') }))),
    el('tbody', {}, [...unmet.entries()].sort((a, b) => b[1] - a[1]).map(([code, value]) =>
      el('tr', { 'data-country': code }, el('td', { text: placeName(code) }), el('td', { class: 'num unmet', text: number(value) })))));
}

/** Per supply type: all ever requested, and how far the matched part got. */
export function stagesBySupplyType(rows) {
  const totals = new Map();
  rows.forEach((row) => {
    const total = totals.get(row.supplyType) || Object.fromEntries(STAGES.map((stage) => [stage, 0]));
    STAGES.forEach((stage) => { total[stage] += row[stage]; });
    totals.set(row.supplyType, total);
  });
  return totals;
}

export async function drawChart(container, table, rows) {
  await loadLibraries();
  const totals = stagesBySupplyType(rows);
  const types = [...totals.keys()];
  if (!chart) {
    chart = echarts.init(container, null, { renderer: 'canvas' });
    new ResizeObserver(() => chart.resize()).observe(container);
  }
  const colours = ['#5b6b7c', '#f2b134', '#3a7bd5', '#8e5bd5', '#2e9b5f'];
  chart.setOption({
    color: colours,
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: (value) => number(value) },
    legend: { top: 0, data: STAGES.map((stage) => t('stage.' + stage)) },
    grid: { left: 8, right: 8, bottom: 16, top: 48, containLabel: true },
    xAxis: { type: 'category', inverse: rtl(), data: types.map(supplyName), axisLabel: { interval: 0, width: 110, overflow: 'break', lineHeight: 15 } },
    yAxis: { type: 'value', position: rtl() ? 'right' : 'left', axisLabel: { formatter: (value) => number(value) } },
    series: STAGES.map((stage) => ({ name: t('stage.' + stage), type: 'bar', data: types.map((type) => totals.get(type)[stage]) })),
  }, { notMerge: true });
  table.replaceChildren(
    el('caption', { text: t('chart.tableCaption') }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('gaps.supplyType') }),
      STAGES.map((stage) => el('th', { scope: 'col', class: 'num', text: t('stage.' + stage) })))),
    el('tbody', {}, types.map((type) => el('tr', { 'data-supply-type': type }, el('td', { text: supplyName(type) }),
      STAGES.map((stage) => el('td', { class: 'num ' + stage, text: number(totals.get(type)[stage]) }))))));
}

/** After a language change the pictures are drawn again from scratch, with the new direction. */
export function resetPictures() {
  if (map) { map.dispose(); map = null; }
  if (chart) { chart.dispose(); chart = null; }
}
