// Warroom local console: a small chat client for the /console/api endpoints.
// No framework and no build step; the page's CSP forbids inline script, so everything is wired up here.
'use strict';

(() => {
  const POLL_MS = 1000;
  const CHANNEL_REFRESH_TICKS = 5;
  const STORAGE_AS = 'warroom.console.as';
  const STORAGE_CHANNEL = 'warroom.console.channel';

  const $ = (selector) => document.querySelector(selector);
  const q = encodeURIComponent;

  const state = {
    people: [],
    as: null,
    channels: [],
    channel: null,
    messages: [],
    signature: null,
    thread: null,
    view: 'chat',
    stream: null,
    ticks: 0,
    pollFailed: false,
    forceScroll: false,
    // Bumped whenever identity or channel changes, so responses to older requests are dropped.
    generation: 0,
  };

  // Rendered message nodes by id, so a poll only touches what changed (and half-filled card forms survive).
  const mainNodes = new Map();
  const threadNodes = new Map();

  // ---------------------------------------------------------------- helpers

  async function api(path, body) {
    const init = { headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.method = 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const isJson = (response.headers.get('Content-Type') || '').includes('json');
    const payload = isJson ? await response.json().catch(() => null) : await response.text();
    if (!response.ok) {
      const body = payload && typeof payload === 'object' ? payload : {};
      const error = new Error(body.error || body.message || response.statusText || `HTTP ${response.status}`);
      error.status = response.status;
      error.payload = body;
      throw error;
    }
    return payload;
  }

  /** Creates an element; string children become text nodes, so nothing here is ever parsed as HTML. */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function showError(line, message) {
    line.textContent = message || '';
    line.hidden = !message;
  }

  function storageGet(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function storageSet(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Private windows may refuse storage; the choice just isn't remembered.
    }
  }

  function formatTime(iso, withDate) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso || '';
    return withDate
      ? date.toLocaleString([], { dateStyle: 'short', timeStyle: 'medium' })
      : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function colourClass(id) {
    let hash = 0;
    for (const ch of id || '') hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
    return `avatar-c${hash % 8}`;
  }

  function autosize(textarea) {
    // Setting a style property from script is allowed by the CSP; only inline style attributes are not.
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, 200)}px`;
  }

  // ---------------------------------------------------------------- identity and channels

  async function start() {
    bindEvents();
    try {
      state.people = await api('/console/api/people');
    } catch (e) {
      showError($('#error'), `Cannot load the roster: ${e.message}`);
      return;
    }
    const who = $('#who');
    who.replaceChildren(...state.people.map((p) => el('option', { value: p.id, text: `${p.name} (${p.id})` })));
    const remembered = storageGet(STORAGE_AS);
    const initial = state.people.some((p) => p.id === remembered) ? remembered : state.people[0]?.id;
    if (!initial) {
      showError($('#error'), 'The roster is empty: add people to it to use the console.');
      return;
    }
    who.value = initial;
    await switchIdentity(initial);
    route();
    setTimeout(tick, POLL_MS);
  }

  async function switchIdentity(personId) {
    state.as = personId;
    storageSet(STORAGE_AS, personId);
    renderWhoDetails();
    state.generation++;
    closeThread();
    resetMessages();
    const channelBefore = state.channel;
    try {
      await refreshChannels();
      // refreshChannels only reloads messages when the channel changed; the new identity sees different ones.
      if (state.channel === channelBefore) await refreshMessages();
    } catch (e) {
      showError($('#error'), `Cannot load channels: ${e.message}`);
    }
  }

  function renderWhoDetails() {
    const person = state.people.find((p) => p.id === state.as);
    const tags = [...(person?.groups || []).map((g) => ['group', g]), ...(person?.roles || []).map((r) => ['role', r])];
    $('#who-details').replaceChildren(...tags.map(([kind, name]) => el('span', { class: `tag tag-${kind}`, text: name })));
  }

  async function refreshChannels() {
    const generation = state.generation;
    const channels = await api(`/console/api/channels?as=${q(state.as)}`);
    if (generation !== state.generation) return;
    const changed = JSON.stringify(channels) !== JSON.stringify(state.channels);
    state.channels = channels;
    const has = (id) => id && channels.some((c) => c.id === id);
    const fromHash = channelInHash();
    const wanted = [state.channel, fromHash, storageGet(STORAGE_CHANNEL)].find(has) || channels[0]?.id || null;
    if (wanted !== state.channel) {
      await selectChannel(wanted);
    } else if (changed) {
      renderChannels();
    }
  }

  function renderChannels() {
    const items = state.channels.map((c) => {
      const link = el('a', { class: 'nav-item', href: `#channel/${q(c.id)}` },
        el('span', { class: 'channel-mark', text: c.group ? '◆' : '#' }), c.name);
      return el('li', {
        'data-channel': c.id,
        class: c.id === state.channel && state.view === 'chat' ? 'selected' : null,
      }, link);
    });
    $('#channels').replaceChildren(...items);
  }

  async function selectChannel(channelId) {
    if (channelId !== state.channel) {
      state.channel = channelId;
      state.generation++;
      closeThread();
      resetMessages();
    }
    const channel = state.channels.find((c) => c.id === channelId);
    $('#channel-title').textContent = channel ? `${channel.group ? '◆' : '#'} ${channel.name}` : 'No channel';
    // The topic a war room sets (Delivery.setTopic) shows beside the name, as Slack shows it.
    $('#channel-topic').textContent = channel && channel.topic ? channel.topic : '';
    $('#composer').disabled = !channel;
    $('#send').disabled = !channel;
    if (!channel) return;
    storageSet(STORAGE_CHANNEL, channelId);
    if (state.view === 'chat') history.replaceState(null, '', `#channel/${q(channelId)}`);
    renderChannels();
    try {
      await refreshMessages();
    } catch (e) {
      showError($('#error'), `Cannot load messages: ${e.message}`);
    }
  }

  function channelInHash() {
    const match = /^#channel\/(.+)$/.exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  // ---------------------------------------------------------------- views

  function route() {
    if (location.hash === '#timeline') {
      showView('timeline');
      loadStreams();
      return;
    }
    showView('chat');
    const wanted = channelInHash();
    if (wanted && wanted !== state.channel && state.channels.some((c) => c.id === wanted)) {
      selectChannel(wanted);
    } else if (state.channel) {
      history.replaceState(null, '', `#channel/${q(state.channel)}`);
    }
  }

  function showView(view) {
    state.view = view;
    $('#chat-view').hidden = view !== 'chat';
    $('#thread-panel').hidden = view !== 'chat' || state.thread === null;
    $('#timeline-view').hidden = view !== 'timeline';
    $('#timeline-link').classList.toggle('selected', view === 'timeline');
    renderChannels();
    if (view === 'chat') refreshMessages().catch(() => {});
  }

  // ---------------------------------------------------------------- messages

  function resetMessages() {
    state.messages = [];
    state.signature = null;
    mainNodes.clear();
    threadNodes.clear();
    const list = $('#messages');
    list.replaceChildren();
    delete list.dataset.loadedFor;
    showError($('#error'), '');
  }

  async function refreshMessages() {
    if (!state.as || !state.channel) return;
    const generation = state.generation;
    const path = `/console/api/channels/${q(state.channel)}/messages?as=${q(state.as)}`;
    const messages = await api(path);
    if (generation !== state.generation) return;
    const signature = messages.map((m) => `${m.id}:${m.version}`).join(',');
    if (signature !== state.signature) {
      state.signature = signature;
      state.messages = messages;
      renderMessages();
    }
    // Tells observers (and tests) whose view of which channel is on screen.
    $('#messages').dataset.loadedFor = `${state.as}/${state.channel}`;
  }

  function renderMessages() {
    const replies = new Map();
    for (const m of state.messages) {
      if (m.threadId !== null && m.threadId !== undefined) {
        replies.set(m.threadId, (replies.get(m.threadId) || 0) + 1);
      }
    }
    const topLevel = state.messages.filter((m) => m.threadId === null || m.threadId === undefined);
    syncList($('#messages'), mainNodes, topLevel, (node, m) => decorateThreadBar(node, m, replies.get(m.id) || 0));
    if (topLevel.length === 0) {
      if (!$('#messages .empty-note')) {
        $('#messages').append(el('li', { class: 'empty-note', text: 'No messages yet. Say hello, or try /warroom help.' }));
      }
    } else {
      $('#messages .empty-note')?.remove();
    }
    renderThread();
    state.forceScroll = false;
  }

  /** Makes {@code list} show exactly {@code items} in order, reusing nodes whose message version is unchanged. */
  function syncList(list, cache, items, decorate) {
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
    const seen = new Set();
    let previous = null;
    for (const m of items) {
      seen.add(m.id);
      let entry = cache.get(m.id);
      if (!entry || entry.version !== m.version) {
        const node = renderMessage(m);
        if (entry) entry.node.replaceWith(node);
        entry = { version: m.version, node };
        cache.set(m.id, entry);
      }
      if (decorate) decorate(entry.node, m);
      const expected = previous ? previous.nextSibling : list.firstChild;
      if (expected !== entry.node) list.insertBefore(entry.node, expected);
      previous = entry.node;
    }
    for (const [id, entry] of cache) {
      if (!seen.has(id)) {
        entry.node.remove();
        cache.delete(id);
      }
    }
    if (nearBottom || state.forceScroll) list.scrollTop = list.scrollHeight;
  }

  function renderMessage(m) {
    const fromBot = m.html !== undefined && m.html !== null;
    const body = el('div', { class: fromBot ? 'message-body bot-html' : 'message-body message-text' });
    if (fromBot) {
      // Bot fragments are rendered and escaped by the server (ConsoleRenderer); person text never goes here.
      body.innerHTML = m.html;
    } else {
      body.textContent = m.text ?? '';
    }
    const name = m.authorName || m.author;
    const avatar = el('div', {
      class: `avatar ${fromBot ? 'avatar-bot' : colourClass(m.author)}`,
      'aria-hidden': 'true',
      text: fromBot ? 'W' : Array.from(name || '?')[0].toUpperCase(),
    });
    const meta = el('div', { class: 'message-meta' },
      el('span', { class: 'author', text: name }),
      fromBot ? el('span', { class: 'badge badge-bot', text: 'BOT' }) : null,
      el('time', { datetime: m.createdAt, title: formatTime(m.createdAt, true), text: formatTime(m.createdAt) }),
      m.version > 0 ? el('span', { class: 'edited', text: '(edited)' }) : null);
    const main = el('div', { class: 'message-main' },
      meta,
      m.ephemeral ? el('div', { class: 'ephemeral-note', text: 'Only visible to you' }) : null,
      body,
      el('div', { class: 'action-result', role: 'status', hidden: true }),
      el('div', { class: 'action-error error-line', role: 'alert', hidden: true }));
    const classes = ['message', fromBot ? 'from-bot' : 'from-person', m.ephemeral ? 'ephemeral' : null];
    return el('li', {
      class: classes.filter(Boolean).join(' '),
      'data-id': m.id,
      'data-author': m.author,
      'data-version': m.version,
    }, avatar, main);
  }

  function decorateThreadBar(node, m, count) {
    // Ephemeral messages get no thread: nobody else could see what the replies answer.
    if (m.ephemeral) return;
    if (!node.querySelector('.reply-in-thread')) {
      node.querySelector('.message-meta').append(
        el('button', { type: 'button', class: 'reply-in-thread link-button', text: 'Reply in thread' }));
      node.querySelector('.message-main').append(el('div', { class: 'thread-bar' },
        el('button', { type: 'button', class: 'reply-count link-button' })));
    }
    const counter = node.querySelector('.reply-count');
    counter.textContent = count === 1 ? '1 reply' : `${count} replies`;
    counter.dataset.count = String(count);
    node.querySelector('.thread-bar').hidden = count === 0;
    node.classList.toggle('has-replies', count > 0);
  }

  // ---------------------------------------------------------------- threads

  function openThread(rootId) {
    state.thread = rootId;
    threadNodes.clear();
    $('#thread-messages').replaceChildren();
    showError($('#thread-error'), '');
    $('#thread-panel').hidden = false;
    $('#thread-panel').dataset.threadId = String(rootId);
    state.forceScroll = true;
    renderThread();
    state.forceScroll = false;
    $('#thread-composer').focus();
  }

  function closeThread() {
    state.thread = null;
    threadNodes.clear();
    $('#thread-messages').replaceChildren();
    $('#thread-panel').hidden = true;
    delete $('#thread-panel').dataset.threadId;
  }

  function renderThread() {
    if (state.thread === null) return;
    const root = state.messages.find((m) => m.id === state.thread);
    if (!root) {
      // Dropped out of the loaded window, or this identity cannot see it.
      closeThread();
      return;
    }
    const items = [root, ...state.messages.filter((m) => m.threadId === state.thread)];
    syncList($('#thread-messages'), threadNodes, items, (node, m) => node.classList.toggle('thread-root', m === root));
  }

  // ---------------------------------------------------------------- sending

  async function send(textarea, button, errorLine, threadId) {
    const text = textarea.value.trim();
    if (!text || button.disabled || !state.channel) return;
    showError(errorLine, '');
    button.disabled = true;
    try {
      await api(`/console/api/channels/${q(state.channel)}/messages`, { as: state.as, text, threadId: threadId ?? undefined });
      textarea.value = '';
      autosize(textarea);
      state.forceScroll = true;
      await refreshMessages();
    } catch (e) {
      showError(errorLine, e.message);
    } finally {
      button.disabled = false;
      state.forceScroll = false;
      textarea.focus();
    }
  }

  /**
   * Posts a click or form submission and shows the handler's outcome on the message: a short note when
   * done, the reason when refused (403) or rejected (400), and per-input errors when invalid (422).
   */
  async function sendAction(messageNode, action, control, form) {
    const errorLine = messageNode.querySelector('.action-error');
    const resultLine = messageNode.querySelector('.action-result');
    showError(errorLine, '');
    showError(resultLine, '');
    if (form) clearFieldErrors(form);
    if (control) control.disabled = true;
    try {
      const outcome = await api('/console/api/actions', { as: state.as, messageId: Number(messageNode.dataset.id), ...action });
      showError(resultLine, outcome && outcome.message);
    } catch (e) {
      const fieldErrors = e.payload && e.payload.fieldErrors;
      if (form && fieldErrors && Object.keys(fieldErrors).length > 0) {
        showFieldErrors(form, fieldErrors);
        showError(errorLine, e.payload.message || 'Please correct the highlighted fields.');
      } else {
        showError(errorLine, e.message);
      }
    } finally {
      if (control) control.disabled = false;
    }
  }

  function clearFieldErrors(form) {
    form.querySelectorAll('.field-error').forEach((node) => node.remove());
    form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  }

  function showFieldErrors(form, fieldErrors) {
    for (const [name, message] of Object.entries(fieldErrors)) {
      const input = form.elements.namedItem(name);
      const error = el('span', { class: 'field-error', text: message });
      if (input && input.closest) {
        input.setAttribute('aria-invalid', 'true');
        (input.closest('label') || input).after(error);
      } else {
        form.prepend(error);
      }
    }
  }

  function onListClick(event) {
    const messageNode = event.target.closest('.message');
    if (!messageNode) return;
    if (event.target.closest('.reply-in-thread, .reply-count')) {
      openThread(Number(messageNode.dataset.id));
      return;
    }
    const button = event.target.closest('button.action');
    // Submit buttons belong to card forms and are handled by onCardSubmit.
    if (!button || button.closest('form.card-form')) return;
    sendAction(messageNode, { actionId: button.dataset.actionId, value: button.dataset.value ?? '' }, button);
  }

  function onCardSubmit(event) {
    const form = event.target.closest('form.card-form');
    const messageNode = form?.closest('.message');
    if (!messageNode) return;
    event.preventDefault();
    const values = {};
    // Same reading as Slack and Feishu (see InboundAction): ticked checkbox values joined by commas.
    for (const field of form.elements) {
      if (!field.name) continue;
      if (field.type === 'checkbox') {
        const ticked = values[field.name] ? values[field.name].split(',') : [];
        if (field.checked) ticked.push(field.value);
        values[field.name] = ticked.join(',');
      } else {
        values[field.name] = field.value;
      }
    }
    sendAction(messageNode, { actionId: form.dataset.actionId, value: '', form: values },
      form.querySelector('[type="submit"]'), form);
  }

  function bindComposer(form, textarea, button, errorLine, threadId) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send(textarea, button, errorLine, threadId());
    });
    textarea.addEventListener('keydown', (event) => {
      // isComposing: Enter that confirms an IME candidate (e.g. Chinese input) must not send.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    textarea.addEventListener('input', () => autosize(textarea));
  }

  // ---------------------------------------------------------------- timeline

  async function loadStreams() {
    const errorLine = $('#timeline-error');
    showError(errorLine, '');
    let streams;
    try {
      streams = await api('/console/api/timeline/streams');
    } catch (e) {
      showError(errorLine, `Cannot load streams: ${e.message}`);
      return;
    }
    if (!streams.includes(state.stream)) {
      const current = `conversation:console:${state.channel}`;
      state.stream = streams.includes(current) ? current : streams[0] ?? null;
    }
    renderStreams(streams);
    if (state.stream) {
      await loadStream(state.stream);
    } else {
      $('#stream-title').textContent = 'Nothing recorded yet';
    }
  }

  function renderStreams(streams) {
    $('#streams').replaceChildren(...streams.map((s) => el('li', {
      'data-stream': s,
      class: s === state.stream ? 'selected' : null,
    }, el('button', { type: 'button', class: 'stream-button', title: s, text: s }))));
  }

  async function loadStream(stream) {
    state.stream = stream;
    for (const li of $('#streams').children) li.classList.toggle('selected', li.dataset.stream === stream);
    const errorLine = $('#timeline-error');
    showError(errorLine, '');
    $('#stream-title').textContent = stream;
    let exported;
    let verification;
    try {
      [exported, verification] = await Promise.all([
        api(`/console/api/timeline/export?stream=${q(stream)}&format=json`),
        api(`/console/api/timeline/verify?stream=${q(stream)}`),
      ]);
    } catch (e) {
      showError(errorLine, `Cannot load ${stream}: ${e.message}`);
      return;
    }
    if (state.stream !== stream) return;
    renderVerification(verification);
    for (const [id, format] of [['#export-md', 'md'], ['#export-json', 'json']]) {
      const link = $(id);
      link.href = `/console/api/timeline/export?stream=${q(stream)}&format=${format}`;
      link.hidden = false;
    }
    const rows = (exported.entries || []).map((e) => el('tr', { class: 'entry', 'data-position': e.position },
      el('td', { class: 'position', text: String(e.position) }),
      el('td', { class: 'when', title: e.occurredAt, text: formatTime(e.occurredAt, true) }),
      el('td', { class: 'actor', text: e.actor }),
      el('td', { class: 'kind' }, el('span', { class: 'kind-tag', text: e.kind })),
      el('td', { class: 'summary', text: e.summary }),
      el('td', { class: 'hash', title: e.hash, text: (e.hash || '').slice(0, 12) })));
    $('#timeline-entries tbody').replaceChildren(...rows);
  }

  function renderVerification(v) {
    const badge = $('#verification');
    badge.classList.toggle('intact', v.intact);
    badge.classList.toggle('broken', !v.intact);
    badge.textContent = v.intact
      ? `✓ Chain intact (${v.entries} ${v.entries === 1 ? 'entry' : 'entries'})`
      : `✗ Chain broken at entry ${v.firstBrokenPosition}: ${v.reason}`;
  }

  // ---------------------------------------------------------------- wiring

  async function tick() {
    try {
      if (!document.hidden && state.view === 'chat') {
        await refreshMessages();
        state.ticks += 1;
        if (state.ticks % CHANNEL_REFRESH_TICKS === 0) await refreshChannels();
      }
      if (state.pollFailed) {
        state.pollFailed = false;
        showError($('#error'), '');
      }
    } catch (e) {
      state.pollFailed = true;
      showError($('#error'), `Lost contact with Warroom: ${e.message}`);
    } finally {
      setTimeout(tick, POLL_MS);
    }
  }

  function bindEvents() {
    $('#who').addEventListener('change', (event) => switchIdentity(event.target.value));
    window.addEventListener('hashchange', route);
    for (const list of [$('#messages'), $('#thread-messages')]) {
      list.addEventListener('click', onListClick);
      list.addEventListener('submit', onCardSubmit);
    }
    bindComposer($('#composer-form'), $('#composer'), $('#send'), $('#error'), () => null);
    bindComposer($('#thread-form'), $('#thread-composer'), $('#thread-send'), $('#thread-error'), () => state.thread);
    $('#thread-close').addEventListener('click', closeThread);
    $('#timeline-refresh').addEventListener('click', loadStreams);
    $('#streams').addEventListener('click', (event) => {
      const item = event.target.closest('li[data-stream]');
      if (item) loadStream(item.dataset.stream);
    });
  }

  start();
})();
