/*
 * secu-precheck embed loader. On a university's page:
 *
 *   <div data-secu-precheck data-lang="fr" data-university="Université Exemple"
 *        data-contact="sante@univ.example" data-academic-year-start="2026-09-01"
 *        data-accent="#0a5c36"></div>
 *   <script src="https://univ.example/sante/precheck/embed.js" defer></script>
 *
 * turns each such element into an iframe of the app hosted beside this file, with the same
 * settings as URL parameters, and keeps its height to the app's content. The app sends the
 * host page its height and nothing else; this script accepts it only from the app's origin
 * and from that iframe. In return it tells the app which part of the iframe is on screen
 * (two numbers, sent to the app's origin only), so that the app keeps its checklist in view
 * in an iframe that never scrolls itself. See EMBED.md.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var app = new URL('./', script.src);
  var SETTINGS = ['lang', 'university', 'contact', 'academic-year-start', 'accent', 'size-limit', 'note-en', 'note-fr'];
  // The iframe's accessible name in each language of the app, when the host gives none.
  var TITLES = {
    en: 'Check your health-insurance registration (secu-precheck)',
    fr: 'Vérifier son inscription à l’assurance maladie (secu-precheck)',
    es: 'Comprobar tu inscripción en el seguro de salud (secu-precheck)',
    zh: '检查您的医疗保险注册（secu-precheck）',
    ar: 'تحقّق من تسجيلك في التأمين الصحي (secu-precheck)'
  };
  var frames = [];
  var scheduled = false;

  // Which part of each iframe the student sees, in the iframe's pixels: { top, height }.
  function postViewport() {
    scheduled = false;
    var screen = window.innerHeight || document.documentElement.clientHeight;
    frames.forEach(function (frame) {
      if (!frame.contentWindow) return;
      var box = frame.getBoundingClientRect();
      var top = Math.max(0, -box.top);
      var bottom = Math.min(box.height, screen - box.top);
      var view = { top: Math.round(top), height: Math.round(Math.max(0, bottom - top)) };
      frame.contentWindow.postMessage({ secuPrecheckViewport: view }, app.origin);
    });
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    (window.requestAnimationFrame || setTimeout)(postViewport);
  }
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule);

  function attach(host) {
    if (host.getAttribute('data-secu-precheck-ready')) return;
    host.setAttribute('data-secu-precheck-ready', '1');
    var url = new URL(app.href);
    SETTINGS.forEach(function (name) {
      var value = host.getAttribute('data-' + name);
      if (value) url.searchParams.set(name, value);
    });
    url.searchParams.set('embed', '1');
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = host.getAttribute('data-title') ||
      (Object.prototype.hasOwnProperty.call(TITLES, host.getAttribute('data-lang'))
        ? TITLES[host.getAttribute('data-lang')]
        : TITLES.en);
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.setAttribute('allow', 'camera');
    frame.style.width = '100%';
    frame.style.minHeight = '600px';
    frame.style.height = '900px';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.addEventListener('load', schedule);
    host.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== app.origin) return;
    var data = event.data;
    var height = data && typeof data === 'object' ? Number(data.secuPrecheckHeight) : NaN;
    if (!isFinite(height) || height <= 0 || height > 100000) return;
    frames.forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = Math.ceil(height) + 'px';
    });
    schedule();
  });

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-secu-precheck]'), attach);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
