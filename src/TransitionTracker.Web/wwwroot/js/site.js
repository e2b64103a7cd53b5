// Loaded as a module file (the Content-Security-Policy allows no inline script).
// Module scripts only run in browsers the NHS.UK frontend supports, so this is the feature test.
import { initAll } from '/lib/nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
