// Loaded as a module file (the Content-Security-Policy allows no inline script).

// A static form the server sent back with problems (sign-in): focus its error summary, so a screen reader reads the
// problems first and the next Tab reaches the first of its links.
const summary = document.querySelector('.app-error-summary');
if (summary) {
    summary.focus();
}

// A link in the error summary moves focus to its field and scrolls the field's label into view with it (following
// the link alone would leave the label above the top of the window).
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('.app-error-summary a[href^="#"]') : null;
    const field = link ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
    if (!field) {
        return;
    }

    event.preventDefault();
    const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    (label ?? field).scrollIntoView();
    field.focus({ preventScroll: true });
});
