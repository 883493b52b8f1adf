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
// The part mounts once its words are fetched: `data-ready`, or `data-failed` when none could be.
const mounted = () => new Promise((resolve, reject) => {
  const root = $('registered-root');
  if (!root) return reject(new Error('no host'));
  const observer = new MutationObserver(() => check());
  const check = () => {
    if (root.hasAttribute('data-ready')) resolve();
    else if (root.hasAttribute('data-failed')) reject(new Error('no wording'));
    else return;
    observer.disconnect();
  };
  observer.observe(root, { attributes: true });
  check();
});
import(`./registered.js${query.split('&')[0]}`)
  .then((module) => module.default())
  .then(mounted)
  .then(() => {
    say('');
    $('registered-open')?.setAttribute('hidden', '');
    if (query.includes('&focus')) $('registered-heading')?.focus();
  })
  .catch(() => say('failed'));
