// Cwtch front door pages: live updates over server-sent events, a cue for high priority, countdowns.
// Served from 'self' (the page CSP allows no inline script); needs htmx, loaded before it.
(() => {
  const cy = document.documentElement.lang === 'cy';
  const words = cy
    ? {
        in: 'mewn',
        late: 'yn hwyr o',
        arrived: 'Hysbysiad newydd',
        escalated: 'Uwchgyfeiriwyd hysbysiad',
        connecting: 'Yn cysylltu…',
        live: 'Byw: mae hysbysiadau newydd yn ymddangos yma',
        reconnecting: 'Yn ailgysylltu… gall hysbysiadau newydd fod yn hwyr',
        offline:
          'All-lein — ddim yn derbyn. Gwiriwch eich cysylltiad; os yw hyn yn parhau, ail-lwythwch y dudalen a ffoniwch eich tîm TG. Rydym yn dal i geisio.',
        soundOn: 'Troi rhybuddion sain ymlaen',
        soundOff: 'Troi rhybuddion sain i ffwrdd',
        soundBlocked: 'Mae’r porwr wedi rhwystro sain: pwyswch y botwm i’w chaniatáu.',
        notifyOn: 'Troi rhybuddion bwrdd gwaith ymlaen',
        notifyOff: 'Troi rhybuddion bwrdd gwaith i ffwrdd',
        notifyDenied:
          'Mae rhybuddion bwrdd gwaith wedi’u rhwystro yng ngosodiadau’r porwr ar gyfer y wefan hon.',
        from: 'oddi wrth',
      }
    : {
        in: 'in',
        late: 'overdue by',
        arrived: 'New notification',
        escalated: 'A notification was escalated',
        connecting: 'Connecting…',
        live: 'Live: new notifications appear here',
        reconnecting: 'Reconnecting… new notifications may be delayed',
        offline:
          'Offline — not receiving. Check your connection; if this goes on, reload the page and call your IT team. Still trying.',
        soundOn: 'Turn on sound alerts',
        soundOff: 'Turn off sound alerts',
        soundBlocked: 'The browser blocked sound: press the button to allow it.',
        notifyOn: 'Turn on desktop alerts',
        notifyOff: 'Turn off desktop alerts',
        notifyDenied: "Desktop alerts are blocked in this browser's settings for this site.",
        from: 'from',
      };
  const baseTitle = document.title;
  let unseen = 0;

  // Sound is asked for with a button: its click is the gesture a browser needs before an
  // AudioContext may play, and the button only shows "on" while audio is actually running.
  let audio = null;
  const wanted = (key) => localStorage.getItem(key) === 'on';
  const controls = document.getElementById('alert-controls');
  const soundButton = controls && button('sound-alerts');
  const soundNote = controls && note('sound-note');
  const notifyButton = controls && window.Notification && button('desktop-alerts');
  const notifyNote = controls && window.Notification && note('desktop-note');
  function button(id) {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.className = 'secondary';
    controls.appendChild(b);
    return b;
  }
  function note(id) {
    const p = document.createElement('span');
    p.id = id;
    p.className = 'muted';
    controls.appendChild(p);
    return p;
  }
  const soundRunning = () => !!audio && audio.state === 'running';
  function showSound() {
    if (!soundButton) return;
    const on = wanted('cwtch-sound') && soundRunning();
    soundButton.textContent = on ? words.soundOff : words.soundOn;
    soundButton.setAttribute('aria-pressed', String(on));
    soundNote.textContent = wanted('cwtch-sound') && !soundRunning() ? words.soundBlocked : '';
  }
  function startAudio() {
    if (!audio && window.AudioContext) {
      audio = new AudioContext();
      audio.addEventListener('statechange', showSound);
    }
    return audio && audio.state !== 'running' ? audio.resume() : Promise.resolve();
  }
  if (soundButton) {
    soundButton.addEventListener('click', () => {
      if (wanted('cwtch-sound') && soundRunning()) {
        localStorage.setItem('cwtch-sound', 'off');
        showSound();
        return;
      }
      localStorage.setItem('cwtch-sound', 'on');
      startAudio()
        .then(() => beep(false))
        .finally(showSound);
    });
    // Asked for on an earlier visit: try now (allowed if the site has had sound), else on a gesture.
    if (wanted('cwtch-sound')) startAudio().catch(() => {});
    showSound();
  }
  const wake = () => {
    if (wanted('cwtch-sound')) startAudio().catch(() => {});
  };
  document.addEventListener('pointerdown', wake);
  document.addEventListener('keydown', wake);

  // Desktop notifications, once the browser grants them, for an inbox nobody is looking at.
  function showNotify() {
    if (!notifyButton) return;
    const granted = Notification.permission === 'granted';
    const on = granted && wanted('cwtch-desktop');
    notifyButton.textContent = on ? words.notifyOff : words.notifyOn;
    notifyButton.setAttribute('aria-pressed', String(on));
    notifyButton.hidden = Notification.permission === 'denied';
    notifyNote.textContent = Notification.permission === 'denied' ? words.notifyDenied : '';
  }
  if (notifyButton) {
    notifyButton.addEventListener('click', () => {
      if (Notification.permission === 'granted' && wanted('cwtch-desktop')) {
        localStorage.setItem('cwtch-desktop', 'off');
        showNotify();
        return;
      }
      localStorage.setItem('cwtch-desktop', 'on');
      Promise.resolve(Notification.requestPermission()).finally(showNotify);
    });
    showNotify();
  }
  function desktop(text, id) {
    if (!window.Notification || Notification.permission !== 'granted' || !wanted('cwtch-desktop')) return;
    if (document.hasFocus()) return;
    // No child's name: a desktop notification can show on a locked or shared screen.
    const n = new Notification(baseTitle, { body: text, tag: id });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  }

  function beep(urgent) {
    if (!soundRunning() || !wanted('cwtch-sound')) return;
    const start = audio.currentTime;
    for (const offset of urgent ? [0, 0.25, 0.5] : [0, 0.25]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = urgent ? 880 : 660;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.2);
    }
  }

  function announce(text) {
    const live = document.getElementById('live-announcer');
    if (live) live.textContent = text;
  }

  function refresh(selector) {
    const el = document.querySelector(selector);
    const src = el?.getAttribute('data-src');
    if (!el || !src || !window.htmx) return Promise.resolve();
    return window.htmx.ajax('GET', src, { target: selector, swap: 'outerHTML' });
  }

  // Arrivals (live, or replayed after a reconnect) are cued once each, after one table refresh.
  const cued = new Set();
  let waiting = [];
  let pending = 0;
  function arrived(event) {
    if (cued.has(event.id)) return;
    cued.add(event.id);
    waiting.push(event);
    clearTimeout(pending);
    pending = setTimeout(cueArrivals, 100);
  }
  function cueArrivals() {
    const batch = waiting;
    waiting = [];
    refresh('#inbox-rows').then(() => {
      tick();
      for (const event of batch) {
        const row = document.querySelector(`tr[data-id="${CSS.escape(event.id)}"]`);
        if (!row) continue;
        const high = event.priority === 'high' || event.priority === 'urgent';
        if (high) {
          row.classList.add('flash');
          row.setAttribute('data-cue', event.priority);
          beep(event.priority === 'urgent');
        }
        const cells = Array.from(row.cells).map((c) => c.textContent.trim());
        announce(`${words.arrived}: ${cells.slice(0, 4).join(', ')}`);
        const kind = row.cells[1]?.querySelector('a')?.textContent ?? '';
        desktop(`${cells[0]}: ${kind} — ${words.from} ${cells[2]}`, event.id);
        if (document.hidden || !document.hasFocus()) document.title = `(${++unseen}) ${baseTitle}`;
      }
    });
  }
  const seen = () => {
    if (!document.hidden) {
      unseen = 0;
      document.title = baseTitle;
    }
  };
  document.addEventListener('visibilitychange', seen);
  window.addEventListener('focus', seen);

  /**
   * Every htmx form says when its action failed, beside it (role="alert"), with what to do:
   * not sent (the connector is unreachable, or the page already knows it is offline), refused,
   * or no answer in time. Nothing was recorded in any of these cases.
   */
  function installActionErrors() {
    const says = cy
      ? {
          unreachable:
            "Heb ei anfon: does dim modd cyrraedd y cysylltydd. Ni chofnodwyd dim. Arhoswch nes bod y statws yn dweud Byw, yna rhowch gynnig arall arni; os yw'n parhau, ffoniwch eich tîm TG.",
          timeout:
            'Dim ateb mewn pryd: efallai na chofnodwyd hyn. Ail-lwythwch y dudalen i weld a gafodd ei gofnodi, yna rhowch gynnig arall arni.',
          session:
            'Mae eich sesiwn wedi dod i ben neu does gennych chi ddim caniatâd: ail-lwythwch y dudalen a mewngofnodwch eto.',
          conflict:
            'Mae rhywun arall eisoes wedi gwneud hyn, neu mae wedi newid: ail-lwythwch y dudalen i weld y sefyllfa bresennol.',
          server:
            "Methodd y cysylltydd â chofnodi hyn. Ni chofnodwyd dim. Rhowch gynnig arall arni mewn munud; os yw'n parhau, ffoniwch eich tîm TG.",
        }
      : {
          unreachable:
            'Not sent: the connector cannot be reached, so nothing was recorded. Wait until the status says Live, then try again; if this goes on, call your IT team.',
          timeout:
            'No answer in time: this may not have been recorded. Reload the page to see whether it was, then try again.',
          session: 'Your session has ended or you may not do this: reload the page and sign in again.',
          conflict:
            'Someone else has already done this, or it has changed: reload the page to see where it stands.',
          server:
            'The connector could not record this, so nothing was recorded. Try again in a minute; if it keeps failing, call your IT team.',
        };
    const formOf = (evt) => evt.detail?.elt?.closest?.('form');
    function show(form, text) {
      let alert = form.parentElement.querySelector(':scope > .action-error');
      if (!alert) {
        alert = document.createElement('p');
        alert.className = 'action-error';
        alert.setAttribute('role', 'alert');
        form.insertAdjacentElement('afterend', alert);
      }
      alert.textContent = text;
    }
    function clear(form) {
      form.parentElement?.querySelector(':scope > .action-error')?.remove();
    }
    const offline = () => {
      const state = document.body.getAttribute('data-connection');
      return state === 'offline' || state === 'reconnecting' || navigator.onLine === false;
    };
    if (window.htmx) window.htmx.config.timeout = 20000;
    document.body.addEventListener('htmx:beforeRequest', (evt) => {
      const form = formOf(evt);
      if (!form) return;
      if (offline()) {
        evt.preventDefault();
        show(form, says.unreachable);
        return;
      }
      clear(form);
    });
    // Plain forms (respond, recall, embargo) are held back too while the page knows it is offline.
    document.addEventListener('submit', (evt) => {
      const form = evt.target;
      if (!(form instanceof HTMLFormElement) || form.method !== 'post' || form.hasAttribute('hx-post'))
        return;
      if (form.getAttribute('action') === '/signout' || !offline()) return;
      evt.preventDefault();
      show(form, says.unreachable);
    });
    document.body.addEventListener('htmx:sendError', (evt) => {
      const form = formOf(evt);
      if (form) show(form, says.unreachable);
    });
    document.body.addEventListener('htmx:timeout', (evt) => {
      const form = formOf(evt);
      if (form) show(form, says.timeout);
    });
    document.body.addEventListener('htmx:responseError', (evt) => {
      const form = formOf(evt);
      if (!form) return;
      const code = evt.detail.xhr?.status ?? 0;
      show(form, code === 401 || code === 403 ? says.session : code === 409 ? says.conflict : says.server);
    });
  }

  // Respond-by countdowns, kept current every 30 seconds.
  function tick() {
    for (const el of document.querySelectorAll('time[data-countdown]')) {
      const left = Date.parse(el.getAttribute('datetime')) - Date.now();
      const minutes = Math.round(Math.abs(left) / 60000);
      const span =
        minutes >= 2880
          ? `${Math.round(minutes / 1440)} d`
          : minutes >= 60
            ? `${Math.floor(minutes / 60)} h ${minutes % 60} min`
            : `${minutes} min`;
      el.textContent = left < 0 ? `${words.late} ${span}` : `${words.in} ${span}`;
      el.classList.toggle('overdue', left < 0);
    }
  }
  setInterval(tick, 30000);

  // Failed actions: an htmx form that cannot be sent, is refused or times out says so beside it.
  installActionErrors();

  const live = document.querySelector(
    '#inbox-rows, #outbox-recipients, #ack-panel, #sent-overdue-rows, form.compose',
  );
  if (!live || !window.EventSource) return;
  // On the compose page the status says whether a send can go now.
  if (live.matches('form.compose'))
    Object.assign(
      words,
      cy
        ? {
            live: 'Byw: wedi cysylltu, gallwch anfon',
            reconnecting: 'Yn ailgysylltu… arhoswch nes bod hwn yn dweud Byw cyn anfon',
          }
        : {
            live: 'Live: connected, you can send',
            reconnecting: 'Reconnecting… wait until this says Live before you send',
          },
    );
  const status = connectionStatus();
  let source = null;
  let lastId = '';
  let failures = 0;
  let connectedOnce = false;
  let watchdog = 0;
  let retry = 0;
  // A ping comes every 5 s: this long without any event (or without `ready` once connecting)
  // means the connector is gone or frozen, even when the socket still looks open.
  const STALE_MS = 12000;
  const OFFLINE_AFTER = 3;

  function setState(state) {
    status.setAttribute('data-state', state);
    document.body.setAttribute('data-connection', state);
    status.textContent = words[state];
  }
  function alive() {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => failed(), STALE_MS);
  }
  function failed() {
    clearTimeout(watchdog);
    clearTimeout(retry);
    if (source) source.close();
    source = null;
    failures += 1;
    document.body.removeAttribute('data-live');
    setState(failures >= OFFLINE_AFTER || navigator.onLine === false ? 'offline' : 'reconnecting');
    // Backoff: 1, 2, 4, 8, then every 15 s, with a little jitter so pages do not come back at once.
    const delay = Math.min(15000, 1000 * 2 ** (failures - 1)) + Math.random() * 500;
    retry = setTimeout(connect, delay);
  }
  function connect() {
    clearTimeout(retry);
    if (source) source.close();
    source = new EventSource(lastId ? `/events?last=${encodeURIComponent(lastId)}` : '/events');
    alive();
    source.onerror = () => failed();
    const on = (name, handler) =>
      source.addEventListener(name, (e) => {
        if (e.lastEventId) lastId = e.lastEventId;
        alive();
        try {
          handler(JSON.parse(e.data));
        } catch {
          // A malformed event is ignored; the next one refreshes the view anyway.
        }
      });
    on('ready', () => {
      failures = 0;
      setState('live');
      document.body.setAttribute('data-live', 'ready');
      // Back after a gap: whatever changed meanwhile is fetched again, so nothing is missed.
      if (connectedOnce) refreshAll();
      connectedOnce = true;
    });
    on('ping', () => {});
    on('notification', arrived);
    handlers(on);
  }
  window.addEventListener('online', () => {
    if (document.body.getAttribute('data-connection') !== 'live') connect();
  });
  window.addEventListener('offline', () => failed());
  setState('connecting');
  connect();

  function refreshAll() {
    refresh('#inbox-rows').then(tick);
    refresh('#sent-overdue-rows');
    refresh('#outbox-recipients');
    const panel = document.getElementById('ack-panel');
    if (panel && !panel.querySelector('.ack-by') && window.htmx)
      window.htmx.ajax('GET', `/inbox/${panel.getAttribute('data-id')}/ack-panel`, {
        target: '#ack-panel',
        swap: 'outerHTML',
      });
  }

  /** The connection state, shown at the top of the page and announced politely. */
  function connectionStatus() {
    const el = document.createElement('p');
    el.id = 'connection-status';
    el.className = 'connection';
    el.setAttribute('role', 'status');
    const main = document.getElementById('main');
    main.insertBefore(el, main.firstChild);
    return el;
  }

  function handlers(on) {
    on('acknowledged', (event) => {
      refresh('#inbox-rows').then(tick);
      const panel = document.getElementById('ack-panel');
      if (
        panel &&
        panel.getAttribute('data-id') === event.id &&
        !panel.querySelector('.ack-by') &&
        window.htmx
      )
        window.htmx.ajax('GET', `/inbox/${event.id}/ack-panel`, { target: '#ack-panel', swap: 'outerHTML' });
    });
    on('receipt', (event) => {
      const rows = document.getElementById('outbox-recipients');
      if (rows && rows.getAttribute('data-share') === event.id) refresh('#outbox-recipients');
    });
    // A step of the escalation ladder: the overdue views and the outbox follow it.
    on('escalated', (event) => {
      refresh('#inbox-rows').then(tick);
      refresh('#sent-overdue-rows');
      const rows = document.getElementById('outbox-recipients');
      if (rows && rows.getAttribute('data-share') === event.id) refresh('#outbox-recipients');
      announce(words.escalated);
    });
  }
})();
