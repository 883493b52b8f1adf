// Starts "I have registered" (registered.js and registered_bg.wasm, Trunk's `registered` asset)
// when the page adds this script as ./registered-start.js?<attempt>[&focus]. The attempt goes
// on to the module's URL, as a browser keeps a failed module fetch. Meanwhile the page's status
// line says it is loading, then nothing once the part is there (the open button hidden, focus
// on the step's heading when the student asked), or that it could not (the button stays to
// try again). The page's words for both are on the status line.
const query = new URL(import.meta.url).search;
const $ = (id) => document.getElementById(id);
const say = (key) => {
  const status = $('registered-status');
  if (status) status.textContent = key ? status.dataset[key] || '' : '';
};
say('loading');
import(`./registered.js${query.split('&')[0]}`)
  .then((module) => module.default())
  .then(() => {
    if (!$('registered-root')?.hasAttribute('data-ready')) throw new Error('not mounted');
    say('');
    $('registered-open')?.setAttribute('hidden', '');
    if (query.includes('&focus')) $('registered-heading')?.focus();
  })
  .catch(() => say('failed'));
