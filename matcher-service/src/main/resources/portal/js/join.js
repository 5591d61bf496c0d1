// Asking to join: open to anyone, without a key. The application waits for a coordinator.
import { call } from './api.js';
import { fillCountrySelect, loadPlaces } from './catalogue.js';
import { submitOrganisation } from './directory.js';
import { $, announce } from './dom.js';
import { onLanguageChange, t } from './i18n.js';

export function wireJoin({ show, back }) {
  $('join-open').addEventListener('click', async () => {
    show();
    try {
      await loadPlaces();
      fillCountrySelect($('join-country'));
    } catch (error) {
      announce($('join-notice'), t('error.network'), 'error');
    }
    $('join-name').focus();
  });
  $('join-back').addEventListener('click', back);
  onLanguageChange(() => { if (!$('join').hidden) loadPlaces().then(() => fillCountrySelect($('join-country'))); });
  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    submitOrganisation(
      event.target,
      $('join-notice'),
      (body) => call('matcher', '/api/v1/organisations/applications', { method: 'POST', body }),
      (applied) => announce($('join-notice'), t('join.sent', { name: applied.name })),
    );
  });
}
