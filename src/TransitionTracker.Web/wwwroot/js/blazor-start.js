// Starts Blazor on interactive pages (a file: the Content-Security-Policy allows no inline script).
// Enhanced navigation is off: a link to a static page is an ordinary page load, so that page's own scripts run;
// links between interactive pages are handled by the circuit's router. See docs/architecture.md, "Interactive pages".
Blazor.start({
  ssr: { disableDomPreservation: true },
});

// A server that answers but no longer knows this page's circuit (it restarted, or the instance that held it was lost
// and the proxy sent the browser to another) rejects the reconnection. blazor.web.js reloads by itself only with its
// own banner; with ours (ReconnectBanner.razor) it says "rejected" and waits, so the page is loaded again here, at the
// same address. What was saved comes back; see docs/operations.md, "Reverse proxy".
document.addEventListener('components-reconnect-state-changed', (event) => {
  if (event.detail && event.detail.state === 'rejected') {
    location.reload();
  }
}, true);

// A page nobody is using gives its circuit up, and a new circuit resumes the same address when it is wanted again
// (docs/architecture.md, "Interactive pages" and "Idle pages"). On pausing, the server hands the page's persisted state
// to the browser and lets the circuit go; the page stays on screen as it was.
// - Hidden: a tab left in the background for Circuits:PauseHiddenTabAfter (data-pause-hidden-after-ms) is paused,
//   and resumed when shown again.
// - Idle: a shown page with no key, pointer, wheel or scroll for Circuits:PauseIdlePageAfter
//   (data-pause-idle-after-ms) is paused too, and holds a small WebSocket (/live/wake) instead, which says when a
//   change the page shows is saved; the page then resumes, and its new circuit reads it again. Any use resumes it.
// Never while the page holds unsaved work or an open dialog or menu, nor while idle on a page others see you on
// (data-stay-live). data-circuit on <html> says "paused" or "live" once either has happened.
(() => {
  const dataset = document.currentScript?.dataset ?? {};
  const hiddenDelay = Number(dataset.pauseHiddenAfterMs ?? '300000');
  const idleDelay = Number(dataset.pauseIdleAfterMs ?? '0');

  // An editor holding unsaved work marks the page (Shared/UnsavedWorkLock.razor); an open dialog or menu holds what
  // it was given, which persisted state does not keep either.
  const busy = () => document.querySelector('[data-unsaved-work], .mud-dialog-container, .mud-popover-open') !== null;

  let paused = null; // null (live), 'hidden' or 'idle'
  let pausing = false;
  let hiddenTimer;
  let idleTimer;
  let lastUsed = Date.now();
  let wake;
  const mark = (state, why) => {
    document.documentElement.dataset.circuit = state;
    // An idle page shows no "paused" banner (site.css): it still shows what it showed and wakes by itself.
    if (why) {
      document.documentElement.dataset.pausedFor = why;
    } else {
      delete document.documentElement.dataset.pausedFor;
    }
  };
  const shown = () => document.visibilityState !== 'hidden';
  const idleFor = () => Date.now() - lastUsed;

  const stillWanted = (why) => why === 'hidden'
    ? !shown()
    : shown() && idleFor() >= idleDelay && document.querySelector('[data-stay-live]') === null;

  const pause = async (why) => {
    if (paused || pausing || !stillWanted(why)) {
      return;
    }

    if (busy()) {
      // Checked again later: the work may be saved meanwhile (the checklist saves by itself).
      schedule(why, true);
      return;
    }

    // What wakes the page is read before the circuit goes: the page's live regions carry it (Shared/LiveUpdates.razor).
    const tokens = [...document.querySelectorAll('[data-live-wake]')].map((element) => element.dataset.liveWake);
    pausing = true;
    let done = false;
    try {
      done = await Blazor.pauseCircuit();
    } catch {
      done = false;
    } finally {
      pausing = false;
    }

    if (!done) {
      schedule(why, true); // Not connected yet, or already going.
      return;
    }

    paused = why;
    mark('paused', why);
    if (!stillWanted(why)) {
      await resume(); // Shown again, or used, while it was pausing.
    } else if (why === 'idle') {
      listen(tokens);
    }
  };

  const resume = async () => {
    if (!paused) {
      return;
    }

    paused = null;
    stopListening();
    if (await Blazor.resumeCircuit()) {
      mark('live');
      lastUsed = Date.now();
      schedule('idle');
    } else {
      // The state has expired on the server: the address holds where the page was, so load it again.
      location.reload();
    }
  };

  // Waits for a change the page shows. A page that shows nothing live waits to be used. A socket that fails or is
  // closed by the server (its instance stopping) resumes the page, so that it is never left showing old figures.
  const listen = (tokens) => {
    if (tokens.length === 0) {
      return;
    }

    const address = new URL('/live/wake', location.href);
    address.protocol = address.protocol === 'https:' ? 'wss:' : 'ws:';
    tokens.forEach((token) => address.searchParams.append('t', token));
    const socket = new WebSocket(address);
    wake = socket;
    const woken = () => {
      if (wake === socket) {
        resume();
      }
    };
    socket.addEventListener('message', woken);
    socket.addEventListener('close', woken);
  };

  const stopListening = () => {
    const socket = wake;
    wake = undefined;
    socket?.close();
  };

  // Sets the timer that pauses the page: for a hidden page after the delay, for an idle one when it will have gone
  // unused for the delay (or, trying again, after the whole delay).
  const schedule = (why, again = false) => {
    if (why === 'hidden') {
      clearTimeout(hiddenTimer);
      hiddenTimer = hiddenDelay > 0 ? setTimeout(() => pause('hidden'), hiddenDelay) : undefined;
    } else {
      clearTimeout(idleTimer);
      const after = again ? idleDelay : Math.max(idleDelay - idleFor(), 0);
      idleTimer = idleDelay > 0 ? setTimeout(idleCheck, after) : undefined;
    }
  };

  const idleCheck = () => {
    idleTimer = undefined;
    if (idleFor() < idleDelay) {
      schedule('idle');
    } else if (shown()) {
      pause('idle');
    }
  };

  const used = () => {
    lastUsed = Date.now();
    if (paused === 'idle') {
      resume();
    } else if (idleTimer === undefined && !paused) {
      schedule('idle');
    }
  };

  for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll', 'focusin']) {
    document.addEventListener(type, used, { capture: true, passive: true });
  }

  document.addEventListener('visibilitychange', () => {
    if (!shown()) {
      clearTimeout(idleTimer);
      idleTimer = undefined;
      if (paused === 'idle') {
        // Hidden, a paused page needs no news: it resumes (and reads again) when shown.
        paused = 'hidden';
        mark('paused', 'hidden');
        stopListening();
      } else if (!paused) {
        schedule('hidden');
      }
    } else {
      clearTimeout(hiddenTimer);
      hiddenTimer = undefined;
      lastUsed = Date.now();
      if (paused) {
        resume();
      } else {
        schedule('idle');
      }
    }
  });

  schedule(shown() ? 'idle' : 'hidden');
})();
