// The supply catalogue and the places (countries and UN M49 areas, named by CLDR in the page's
// language), as the services serve them: the portal keeps no list of its own.
import { call } from './api.js';
import { has, language, number, t, translated } from './i18n.js';

let supplyTypes = [];
let places = [];
const placeByCode = new Map();

export async function loadCatalogue() {
  await loadSupplyTypes();
  await loadPlaces();
}

/** Reads the catalogue again, as coordinators change it. */
export async function loadSupplyTypes() {
  supplyTypes = await call('matcher', '/api/v1/supply-types');
}

export async function loadPlaces() {
  places = await call('matcher', '/api/v1/areas?lang=' + encodeURIComponent(language()));
  placeByCode.clear();
  places.forEach((place) => placeByCode.set(place.code, place));
}

export const allSupplyTypes = () => supplyTypes;
export const countries = () => places.filter((place) => place.level === 'COUNTRY');
export const areas = () => places.filter((place) => place.level !== 'COUNTRY');
export const place = (code) => placeByCode.get(code);

export function supplyName(code) {
  const type = supplyTypes.find((candidate) => candidate.code === code);
  // English reads the catalogue itself, so a coordinator's renaming shows at once; another
  // language shows its translation of a seed type's name, if it has one.
  const key = 'supply.' + code;
  if (translated(key)) return t(key);
  if (type) return type.name;
  return has(key) ? t(key) : code;
}

export function unitOf(code) {
  const type = supplyTypes.find((candidate) => candidate.code === code);
  return type ? unitName(type.unit) : '';
}

/** A unit in the page's language; a unit a coordinator added since, as it was written. */
export const unitName = (unit) => (has('unit.' + unit) ? t('unit.' + unit) : unit);

export const placeName = (code) => (placeByCode.get(code) || { name: code }).name;

/** "Eastern Africa (18 countries)" for an area, the name alone for a country. */
export function placeLabel(code) {
  const found = placeByCode.get(code);
  if (!found) return code;
  return found.level === 'COUNTRY' ? found.name : t('place.area', { name: found.name, count: number(found.countryCount) });
}

function option(value, text) {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = text;
  return node;
}

/** Supply types by category, each shown with its unit; a filter also lists retired ones, a posting form does not. */
export function fillSupplySelect(select, { withAll = false } = {}) {
  const chosen = select.value;
  select.replaceChildren();
  select.append(option('', withAll ? t('filter.all') : t('form.choose')));
  const categories = [...new Set(supplyTypes.map((type) => type.category))];
  for (const category of categories) {
    const group = document.createElement('optgroup');
    group.label = t('category.' + category);
    supplyTypes.filter((type) => type.category === category && (withAll || !type.retired)).forEach((type) => {
      group.append(option(type.code, supplyName(type.code) + ' · ' + unitName(type.unit)));
    });
    select.append(group);
  }
  select.value = chosen;
}

export function fillCountrySelect(select, { withAll = false } = {}) {
  const chosen = select.value;
  select.replaceChildren(option('', withAll ? t('filter.all') : t('form.choose')));
  countries().forEach((country) => select.append(option(country.code, country.name)));
  select.value = chosen;
}

/** Regions first (with how many countries each covers), then countries. */
export function fillAreaSelect(select) {
  const chosen = [...select.selectedOptions].map((selected) => selected.value);
  select.replaceChildren();
  const regions = document.createElement('optgroup');
  regions.label = t('place.regions');
  areas().forEach((area) => regions.append(option(area.code, placeLabel(area.code))));
  const countryGroup = document.createElement('optgroup');
  countryGroup.label = t('place.countries');
  countries().forEach((country) => countryGroup.append(option(country.code, country.name)));
  select.append(regions, countryGroup);
  [...select.options].forEach((candidate) => { candidate.selected = chosen.includes(candidate.value); });
}
