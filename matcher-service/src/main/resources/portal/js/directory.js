// The organisation forms (asking to join, and a coordinator registering one) share their fields,
// kept once in <template id="organisation-fields">, their checks, which mirror OrganisationForm on
// the server, and how they are sent.
import { announce } from './dom.js';
import { check, clearErrors, showErrors, showRefusal } from './forms.js';
import { t } from './i18n.js';

const NAME = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .,'&()\-]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function organisationValues(form) {
  const values = Object.fromEntries(new FormData(form).entries());
  values.roles = [...form.querySelectorAll('input[name=roles]:checked')].map((box) => box.value);
  return values;
}

export function organisationErrors(values) {
  return check(values, {
    name: ['required', (v) => (v.trim().length < 2 || v.length > 120 || !NAME.test(v.trim()) ? t('error.orgName') : null)],
    country: ['required'],
    type: ['required'],
    contactEmail: ['required', (v) => (!EMAIL.test(v.trim()) ? t('error.email') : null)],
    roles: [(v) => (v.length === 0 ? t('error.roles') : null)],
    note: ['note'],
  });
}

export function organisationBody(values) {
  return {
    name: values.name.trim(),
    country: values.country,
    type: values.type,
    contactEmail: values.contactEmail.trim(),
    roles: values.roles,
    note: values.note ? values.note.trim() : null,
  };
}


/**
 * Puts the organisation fields into every form that asks for them (data-organisation-fields=prefix),
 * with ids made unique by the prefix; only the register form offers COORDINATOR. Runs before the
 * page's strings are applied, so the fields are translated with the rest.
 */
export function placeOrganisationFields() {
  const template = document.getElementById('organisation-fields');
  document.querySelectorAll('[data-organisation-fields]').forEach((slot) => {
    const prefix = slot.dataset.organisationFields;
    const fields = template.content.cloneNode(true);
    const renamed = (value) => value.split(' ').map((id) => id.replace(/^org-/, prefix + '-')).join(' ');
    fields.querySelectorAll('[id], [for], [aria-describedby]').forEach((node) => {
      for (const attribute of ['id', 'for', 'aria-describedby']) {
        if (node.hasAttribute(attribute)) node.setAttribute(attribute, renamed(node.getAttribute(attribute)));
      }
    });
    if (prefix === 'register') {
      fields.querySelectorAll('[data-register-i18n]').forEach((node) => { node.dataset.i18n = node.dataset.registerI18n; });
    } else {
      fields.querySelectorAll('[data-coordinators-only]').forEach((node) => node.remove());
    }
    slot.replaceWith(fields);
  });
}

/** Checks the form, sends it, and on success empties it and hands over the organisation. */
export async function submitOrganisation(form, notice, send, done) {
  clearErrors(form);
  announce(notice, '');
  const values = organisationValues(form);
  if (showErrors(form, organisationErrors(values))) return;
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const organisation = await send(organisationBody(values));
    form.reset();
    await done(organisation);
  } catch (error) {
    showRefusal(form, error, notice);
  } finally {
    button.disabled = false;
  }
}
