// The portal: one page for requesters, donors and coordinators. Sign-in takes an API key, asks the
// services whose it is (GET /api/v1/me) and shows the views that organisation's roles allow.
import { apiKey, call, configure, forgetKey, rememberKey } from './api.js';
import { useLibraries } from './atlas.js';
import { loadCatalogue, loadPlaces } from './catalogue.js';
import { startCoordinator } from './coordinator.js';
import { placeOrganisationFields } from './directory.js';
import { $ } from './dom.js';
import { startDonor } from './donor.js';
import { describe } from './forms.js';
import { init, languages, onLanguageChange, t, use } from './i18n.js';
import { wireJoin } from './join.js';
import { startOwnKeys } from './keys.js';
import { startNotifications } from './notify.js';
import { startOrganisations } from './organisations.js';
import { startRequester } from './requester.js';
import { startCatalogue } from './supplies.js';
import { endSession, running } from './session.js';

const VIEWS = ['requester-view', 'donor-view', 'coordinator-view', 'organisations-view', 'catalogue-view', 'keys-view'];
let signedIn = null;

function showSignIn(message) {
  endSession();
  signedIn = null;
  $('sign-in').hidden = false;
  $('join').hidden = true;
  VIEWS.forEach((id) => { $(id).hidden = true; });
  $('role-nav').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('sign-in-error').textContent = message || '';
}

async function start() {
  let me;
  try {
    me = await call('matcher', '/api/v1/me');
  } catch (error) {
    forgetKey();
    showSignIn(error.status === 401 || error.status === 403 ? t('signIn.refused') : describe(error));
    return;
  }
  signedIn = me;
  await loadCatalogue();
  $('sign-in').hidden = true;
  $('join').hidden = true;
  $('sign-out').hidden = false;
  $('who').textContent = t('signIn.as', { organization: me.organization });
  const views = viewsFor(me);
  $('role-nav').hidden = views.length < 2;
  document.querySelectorAll('#role-nav a').forEach((link) => { link.parentElement.hidden = !views.includes(link.dataset.view); });
  VIEWS.forEach((id) => { $(id).hidden = !views.includes(id); });
  if (me.roles.includes('REQUESTER')) startRequester();
  if (me.roles.includes('DONOR')) startDonor();
  if (me.roles.includes('COORDINATOR')) { startCoordinator(); startOrganisations(); startCatalogue(); }
  if (views.includes('keys-view')) { startOwnKeys(me.organization); startNotifications(me.organization); }
  if (me.roles.length === 0) showSignIn(t('signIn.noRole'));
}

/**
 * The views a caller's roles allow; an admin key of an organisation in the directory also sees
 * its keys (a coordinator sees every organisation's keys in the directory view).
 */
function viewsFor(me) {
  const views = [];
  if (me.roles.includes('REQUESTER')) views.push('requester-view');
  if (me.roles.includes('DONOR')) views.push('donor-view');
  if (me.roles.includes('COORDINATOR')) views.push('coordinator-view', 'organisations-view', 'catalogue-view');
  else if (me.keyAdmin && me.status === 'ACTIVE') views.push('keys-view');
  return views;
}

function languageSwitch() {
  const select = $('language');
  select.replaceChildren(...languages().map((lang) => {
    const option = document.createElement('option');
    option.value = lang.code;
    option.textContent = lang.name;
    option.lang = lang.code;
    return option;
  }));
  select.value = document.documentElement.lang;
  select.addEventListener('change', () => use(select.value));
}

async function boot() {
  const settings = await (await fetch('/portal/settings')).json();
  configure(settings);
  useLibraries(settings.libraries);
  placeOrganisationFields();
  await init(settings.languages);
  languageSwitch();
  onLanguageChange(async (code) => {
    $('language').value = code;
    if (signedIn) {
      $('who').textContent = t('signIn.as', { organization: signedIn.organization });
      await loadPlaces();
    }
  });
  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('api-key').value.trim();
    if (!key) { $('sign-in-error').textContent = t('error.required'); return; }
    rememberKey(key);
    $('api-key').value = '';
    endSession();
    start();
  });
  $('sign-out').addEventListener('click', () => { forgetKey(); showSignIn(); });
  wireJoin({
    show: () => { $('sign-in').hidden = true; $('join').hidden = false; },
    back: () => showSignIn(),
  });
  // for the browser test, which checks that signing in again leaves one set of pollers
  window.aidmatchPortal = { running };
  document.body.classList.add('ready');
  if (apiKey()) start(); else showSignIn();
}

boot();
