// The portal: one page for requesters, donors and coordinators. Sign-in takes an API key, asks the
// services whose it is (GET /api/v1/me) and shows the views that organisation's roles allow.
import { apiKey, call, configure, forgetKey, rememberKey } from './api.js';
import { useLibraries } from './atlas.js';
import { loadCatalogue, loadPlaces } from './catalogue.js';
import { startCoordinator } from './coordinator.js';
import { $ } from './dom.js';
import { startDonor } from './donor.js';
import { describe } from './forms.js';
import { init, languages, onLanguageChange, t, use } from './i18n.js';
import { startRequester } from './requester.js';
import { endSession, running } from './session.js';

const VIEWS = { REQUESTER: 'requester-view', DONOR: 'donor-view', COORDINATOR: 'coordinator-view' };
let signedIn = null;

function showSignIn(message) {
  endSession();
  signedIn = null;
  $('sign-in').hidden = false;
  Object.values(VIEWS).forEach((id) => { $(id).hidden = true; });
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
  $('sign-out').hidden = false;
  $('who').textContent = t('signIn.as', { organization: me.organization });
  const roles = me.roles.filter((role) => VIEWS[role]);
  $('role-nav').hidden = roles.length < 2;
  document.querySelectorAll('#role-nav a').forEach((link) => { link.parentElement.hidden = !roles.includes(link.dataset.role); });
  Object.entries(VIEWS).forEach(([role, id]) => { $(id).hidden = !roles.includes(role); });
  if (roles.includes('REQUESTER')) startRequester();
  if (roles.includes('DONOR')) startDonor();
  if (roles.includes('COORDINATOR')) startCoordinator();
  if (roles.length === 0) showSignIn(t('signIn.noRole'));
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
  // for the browser test, which checks that signing in again leaves one set of pollers
  window.aidmatchPortal = { running };
  document.body.classList.add('ready');
  if (apiKey()) start(); else showSignIn();
}

boot();
