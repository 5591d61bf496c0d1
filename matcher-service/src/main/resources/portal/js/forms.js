// Form checks that mirror the services' own (PostRequestBody, PostOfferBody and the match
// commands), so most mistakes show before anything is sent; whatever the server still refuses
// comes back as problem+json field errors and shows next to the same fields.
import { announce } from './dom.js';
import { t } from './i18n.js';

export const MAX_QUANTITY = 1_000_000_000;
export const MAX_NOTE = 1000;

export function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

export const checks = {
  required: (value) => (value === '' || value === null || value === undefined ? t('error.required') : null),
  quantity: (value) => wholeBetween(1, MAX_QUANTITY, 'error.quantityRange')(value),
  notBeforeToday: (value) => (value && value < todayUtc() ? t('error.past') : null),
  note: (value) => (value && value.length > MAX_NOTE ? t('error.noteLength', { max: MAX_NOTE }) : null),
  serviceArea: (codes) => (codes.length === 0 ? t('error.required') : codes.length > 50 ? t('error.tooManyAreas') : null),
};

/** The element that shows a field's error: <p id="<form-id>-<field>-error">. */
function errorNode(form, field) {
  return form.querySelector('[data-error-for="' + field + '"]');
}

export function clearErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach((node) => { node.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
}

export function showErrors(form, errors) {
  let first = null;
  for (const [field, message] of Object.entries(errors)) {
    if (!message) continue;
    const node = errorNode(form, field);
    const input = form.querySelector('[name="' + field + '"]');
    if (node) node.textContent = message;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
  }
  if (first) first.focus();
  return first !== null;
}

/** A whole number from {@code min} to {@code max}, as a match command takes it. */
export function wholeBetween(min, max, messageKey = 'error.between') {
  return (value) => {
    if (value === '' || value === undefined) return t('error.required');
    if (!/^\d+$/.test(value)) return t('error.wholeNumber');
    const n = Number(value);
    return n < min || n > max ? t(messageKey, { min: min.toLocaleString(), max: max.toLocaleString() }) : null;
  };
}

/** Runs the checks (named, or functions of the value) over the form's values; returns the errors found, by field. */
export function check(values, rules) {
  const errors = {};
  for (const [field, fieldChecks] of Object.entries(rules)) {
    for (const rule of fieldChecks) {
      const message = typeof rule === 'function' ? rule(values[field]) : checks[rule](values[field]);
      if (message) { errors[field] = message; break; }
    }
  }
  return errors;
}

/** A server refusal: field errors go next to their fields, anything else to the form's notice. */
export function showRefusal(form, error, notice) {
  const fields = error.fieldErrors ? error.fieldErrors() : {};
  const shown = Object.keys(fields).length > 0 && showErrors(form, fields);
  notice.textContent = shown ? t('error.fixFields') : describe(error);
  notice.className = 'notice error';
  notice.hidden = false;
}

export function describe(error) {
  if (error.status === 0) return t('error.network');
  if (error.status === 503) return t('error.unavailable');
  return (error.problem && (error.problem.detail || error.problem.title)) || error.message;
}

/**
 * Posts a need or an offer once the form's checks pass. One Idempotency-Key serves an attempt and
 * its retries after a failed send, and is dropped once the service has answered it (2xx or 4xx),
 * so a retry after a timeout can never post twice.
 *
 * @param send posts the values with the key and returns the posting
 * @param done shows what was posted
 */
export async function submitPosting(form, notice, { values, rules, send, done }) {
  clearErrors(form);
  announce(notice, '');
  if (showErrors(form, check(values, rules))) return;
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const posted = await send(form.dataset.attempt || (form.dataset.attempt = crypto.randomUUID()));
    delete form.dataset.attempt;
    form.reset();
    await done(posted);
  } catch (error) {
    if (error.status >= 400 && error.status < 500) delete form.dataset.attempt;
    showRefusal(form, error, notice);
  } finally {
    button.disabled = false;
  }
}
