/*
 * Credwise chat widget: a course advisor on a provider's page, from one script tag.
 *
 *   <script src="https://advisor.example.org/widget/credwise-widget.js"
 *           data-server="" data-title="Course advisor" data-color="#1a5fb4" defer></script>
 *
 * data-server  base URL of the Credwise web app; empty or absent means the origin the
 *              script was loaded from (the same origin on the demo page).
 * data-title   the panel's heading and accessible name.
 * data-color   the accent colour, #rgb or #rrggbb; text on it is black or white,
 *              whichever contrasts more, so any colour stays readable.
 *
 * Plain JavaScript with no dependencies and no build step. The widget lives in a
 * shadow root so the host page's CSS cannot break it, and every piece of text from the
 * server or the learner is set with textContent: markup in a message is shown, never
 * parsed. The conversation id is kept in localStorage, so a reload or a new browser
 * session continues the same conversation. While a human advisor has the conversation
 * (the server says it is paused), their replies are fetched from the history every few
 * seconds: the REST channel has no way to push them.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector("script[src*='credwise-widget']");
  if (!script || window.__credwiseWidget) {
    return; // embedded twice: one widget is enough
  }
  window.__credwiseWidget = true;

  var DEFAULT_COLOR = "#1a5fb4";
  var DARK_LINK = "#174ea6"; // for links when the accent is too light to read on white
  var ERROR_TEXT = "The advisor is unavailable, try again.";
  var GREETING_PAYLOAD = "/greet"; // asks the bot to introduce itself in a new conversation
  var MAX_MESSAGE_CHARS = 5000;
  var REQUEST_TIMEOUT_MS = 100000; // a little longer than the server's own wait for Rasa
  var ADVISOR_POLL_MS = 4000; // how often to look for a human advisor's replies
  var REMINDER_GRACE_MS = 1500; // after a reminder is due, before the history is fetched
  var REMINDER_RETRIES = 5; // a reminder not in the history yet is looked for again
  var MAX_TIMER_MS = 2147483647; // the longest delay a browser timer takes (about 24 days)
  var SVG_NS = "http://www.w3.org/2000/svg";

  var scriptUrl = new URL(script.src, window.location.href);
  var server = ((script.getAttribute("data-server") || "").trim() || scriptUrl.origin).replace(
    /\/+$/,
    ""
  );
  var title = (script.getAttribute("data-title") || "").trim() || "Course advisor";
  var accent = parseColor(script.getAttribute("data-color")) || parseColor(DEFAULT_COLOR);
  var senderKey = "credwise:sender:" + server;
  var openKey = "credwise:open:" + server;

  /* ---------- colours: readable on any accent (WCAG AA, 4.5:1) ---------- */

  function parseColor(value) {
    var match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((value || "").trim());
    if (!match) {
      return null;
    }
    var hex = match[1].length === 3 ? match[1].replace(/(.)/g, "$1$1") : match[1];
    return {
      hex: "#" + hex.toLowerCase(),
      rgb: [0, 2, 4].map(function (i) {
        return parseInt(hex.slice(i, i + 2), 16);
      }),
    };
  }

  function luminance(rgb) {
    var linear = rgb.map(function (channel) {
      var c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  }

  function contrast(a, b) {
    var la = luminance(a);
    var lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  var WHITE = [255, 255, 255];
  var BLACK = [17, 17, 17];
  var onAccent = contrast(accent.rgb, WHITE) >= contrast(accent.rgb, BLACK) ? "#ffffff" : "#111111";
  var linkColor = contrast(accent.rgb, WHITE) >= 4.5 ? accent.hex : DARK_LINK;

  /* ---------- storage: tolerate browsers that refuse it ---------- */

  function stored(storage, key) {
    try {
      return window[storage].getItem(key);
    } catch (error) {
      return null;
    }
  }

  function store(storage, key, value) {
    try {
      if (value === null) {
        window[storage].removeItem(key);
      } else {
        window[storage].setItem(key, value);
      }
    } catch (error) {
      /* private mode or blocked storage: the conversation lasts as long as the page */
    }
  }

  function newSenderId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return (
      "web-" +
      Array.prototype.map
        .call(bytes, function (b) {
          return b.toString(16).padStart(2, "0");
        })
        .join("")
    );
  }

  var sender = stored("localStorage", senderKey);
  var senderIsNew = !sender || !/^[A-Za-z0-9_-]{1,128}$/.test(sender);
  if (senderIsNew) {
    sender = newSenderId();
    store("localStorage", senderKey, sender);
  }

  /* ---------- DOM helpers: text only ever goes through textContent ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function attrs(node, values) {
    Object.keys(values).forEach(function (name) {
      node.setAttribute(name, values[name]);
    });
    return node;
  }

  function icon(pathData) {
    var svg = document.createElementNS(SVG_NS, "svg");
    attrs(svg, {
      viewBox: "0 0 24 24",
      width: "22",
      height: "22",
      "aria-hidden": "true",
      focusable: "false",
    });
    var path = document.createElementNS(SVG_NS, "path");
    attrs(path, { d: pathData, fill: "currentColor" });
    svg.appendChild(path);
    return svg;
  }

  var ICON_CHAT =
    "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z" +
    "m2 5v2h12V8H6zm0 4v2h8v-2H6z";
  var ICON_CLOSE =
    "M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z";
  var ICON_SEND = "M3 20.5 21 12 3 3.5V10l12 2-12 2z";

  function safeUrl(value) {
    if (typeof value !== "string" || !value) {
      return null;
    }
    try {
      var url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  /** A link that opens in a new tab without giving the new page a handle on this one. */
  function externalLink(className, text, href) {
    return attrs(el("a", className, text), {
      href: href,
      target: "_blank",
      rel: "noopener noreferrer",
    });
  }

  /** Text with its web addresses as links; everything else stays plain text. */
  function richText(node, text) {
    var pattern = /https?:\/\/[^\s<>"]+/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var address = match[0].replace(/[.,;:!?)\]]+$/, "");
      var href = safeUrl(address);
      node.appendChild(document.createTextNode(text.slice(last, match.index)));
      if (href) {
        node.appendChild(externalLink("cw-link", address, href));
      } else {
        node.appendChild(document.createTextNode(address));
      }
      last = match.index + address.length;
      pattern.lastIndex = last;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }

  /* ---------- the widget's structure ---------- */

  var host = el("div");
  host.id = "credwise-widget";
  host.hidden = true; // shown once the stylesheet has loaded: no flash of bare buttons
  var shadow = host.attachShadow({ mode: "open" });

  var stylesheet = attrs(el("link"), {
    rel: "stylesheet",
    href: new URL("credwise-widget.css", scriptUrl).href,
  });
  stylesheet.addEventListener("load", function () {
    host.hidden = false;
  });
  stylesheet.addEventListener("error", function () {
    host.hidden = false;
  });

  var root = el("div", "cw-root");
  root.style.setProperty("--cw-accent", accent.hex);
  root.style.setProperty("--cw-on-accent", onAccent);
  root.style.setProperty("--cw-link", linkColor);

  var launcher = attrs(el("button", "cw-launcher"), {
    type: "button",
    "aria-label": "Open chat: " + title,
    "aria-expanded": "false",
    "aria-controls": "cw-panel",
    "aria-haspopup": "dialog",
  });
  launcher.appendChild(icon(ICON_CHAT));
  launcher.appendChild(el("span", "cw-launcher-label", title));

  var panel = attrs(el("div", "cw-panel"), {
    id: "cw-panel",
    role: "dialog",
    "aria-label": title,
    "aria-modal": "false",
  });
  panel.hidden = true;

  var header = el("div", "cw-header");
  var heading = el("h2", "cw-title", title);
  var closeButton = attrs(el("button", "cw-close"), { type: "button", "aria-label": "Close chat" });
  closeButton.appendChild(icon(ICON_CLOSE));
  header.appendChild(heading);
  header.appendChild(closeButton);

  var log = attrs(el("div", "cw-messages"), {
    role: "log",
    "aria-live": "polite",
    "aria-relevant": "additions",
    "aria-busy": "false",
    "aria-label": "Conversation",
    tabindex: "0",
  });

  var form = attrs(el("form", "cw-form"), { novalidate: "" });
  var inputLabel = attrs(el("label", "cw-sr-only", "Your message"), { for: "cw-input" });
  var input = attrs(el("textarea", "cw-input"), {
    id: "cw-input",
    rows: "1",
    maxlength: String(MAX_MESSAGE_CHARS),
    placeholder: "Type your message…",
    autocomplete: "off",
    enterkeyhint: "send",
  });
  var sendButton = attrs(el("button", "cw-send"), { type: "submit", "aria-label": "Send message" });
  sendButton.appendChild(icon(ICON_SEND));
  form.appendChild(inputLabel);
  form.appendChild(input);
  form.appendChild(sendButton);

  var note = el(
    "p",
    "cw-note",
    "Your conversation is saved so you can pick it up later. Type “forget me” to delete it."
  );

  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(form);
  panel.appendChild(note);
  root.appendChild(panel);
  root.appendChild(launcher);
  shadow.appendChild(stylesheet);
  shadow.appendChild(root);

  /* ---------- rendering messages ---------- */

  function scrollToShow(first) {
    // A long reply (course cards) is read from its top; a short one ends at the bottom.
    var target = first ? first.offsetTop - 8 : log.scrollHeight;
    log.scrollTop = Math.min(target, log.scrollHeight);
  }

  function addUser(text) {
    var bubble = el("div", "cw-msg cw-msg-user", text);
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
    return bubble;
  }

  function removeReplies() {
    Array.prototype.forEach.call(log.querySelectorAll(".cw-replies"), function (group) {
      group.remove();
    });
  }

  /**
   * A pressed reply or retry button is removed from the page, which would drop keyboard
   * focus to the page's top; move it to the message box instead. A click by mouse or
   * touch (event.detail > 0) leaves focus alone, so a phone's keyboard doesn't pop up.
   */
  function keepKeyboardFocus(event) {
    if (event.detail === 0) {
      input.focus();
    }
  }

  function renderReplies(buttons) {
    var group = attrs(el("div", "cw-replies"), {
      role: "group",
      "aria-label": "Suggested replies",
    });
    buttons.forEach(function (button) {
      if (!button || typeof button.title !== "string" || typeof button.payload !== "string") {
        return;
      }
      var reply = attrs(el("button", "cw-reply", button.title), { type: "button" });
      reply.addEventListener("click", function (event) {
        keepKeyboardFocus(event);
        send(button.payload, button.title, false);
      });
      group.appendChild(reply);
    });
    return group;
  }

  function fact(list, label, value) {
    if (typeof value !== "string" || !value) {
      return;
    }
    list.appendChild(el("dt", null, label));
    list.appendChild(el("dd", null, value));
  }

  var FITS = { fits: true, tight: true, too_much: true, unknown: true };

  function renderCard(card) {
    var item = el("li", "cw-card");
    var heading = el("h3", "cw-card-title");
    if (typeof card.position === "number") {
      heading.appendChild(el("span", "cw-card-position", card.position + "."));
      heading.appendChild(document.createTextNode(" "));
    }
    heading.appendChild(document.createTextNode(String(card.title || "Untitled course")));
    item.appendChild(heading);
    if (card.provider) {
      item.appendChild(el("p", "cw-card-provider", card.provider));
    }
    var fit = FITS[card.fit] ? card.fit : "unknown";
    if (fit !== "unknown" && card.fit_text) {
      item.appendChild(el("p", "cw-fit cw-fit-" + fit, card.fit_text));
    }
    var facts = el("dl", "cw-facts");
    fact(facts, "Time", card.total_hours);
    fact(facts, "At your pace", card.weeks);
    if (fit === "unknown" && card.fit_text !== "no deadline given") {
      fact(facts, "Deadline", card.fit_text);
    }
    fact(facts, "Cost", card.cost);
    fact(facts, "Format", card.mode);
    fact(facts, "Pace", card.pace);
    fact(facts, "Credential", card.credential);
    if (Array.isArray(card.skills_you_lack) && card.skills_you_lack.length) {
      fact(facts, "New skills", card.skills_you_lack.map(String).join(", "));
    }
    item.appendChild(facts);
    if (Array.isArray(card.quality) && card.quality.length) {
      var signals = attrs(el("ul", "cw-quality"), { "aria-label": "Quality signals" });
      card.quality.forEach(function (signal) {
        signals.appendChild(el("li", null, signal));
      });
      item.appendChild(signals);
    }
    if (card.why) {
      var why = el("p", "cw-why");
      why.appendChild(el("strong", null, "Why: "));
      why.appendChild(document.createTextNode(String(card.why)));
      item.appendChild(why);
    }
    var href = safeUrl(card.url);
    if (href) {
      var label = card.url_is_provider_site ? "Visit the provider's website" : "View course";
      var link = externalLink("cw-card-link", label, href);
      var spoken = ": " + (card.title || "") + " (opens in a new tab)";
      link.appendChild(el("span", "cw-sr-only", spoken));
      item.appendChild(link);
      if (card.url_is_provider_site) {
        var hint = "The link is the provider's home page: search there for the course.";
        item.appendChild(el("p", "cw-card-hint", hint));
      }
    } else {
      item.appendChild(el("p", "cw-card-hint", "No link in the catalog."));
    }
    return item;
  }

  function renderCards(custom) {
    var wrapper = el("div", "cw-msg cw-msg-cards");
    if (custom.shortlist) {
      wrapper.appendChild(el("p", "cw-cards-caption", "Your shortlist"));
    }
    var list = attrs(el("ol", "cw-cards"), {
      "aria-label": custom.shortlist ? "Your shortlist" : "Recommended courses",
    });
    custom.courses.forEach(function (card) {
      if (card && typeof card === "object") {
        list.appendChild(renderCard(card));
      }
    });
    wrapper.appendChild(list);
    return wrapper;
  }

  /** One bot message: text, course cards and quick replies, in that order. */
  function addBot(message, withReplies) {
    var first = null;
    function append(node) {
      log.appendChild(node);
      first = first || node;
    }
    if (typeof message.text === "string" && message.text) {
      var classes = message.advisor ? "cw-msg cw-msg-bot cw-msg-advisor" : "cw-msg cw-msg-bot";
      append(richText(el("div", classes), message.text));
    }
    var custom = message.custom;
    if (custom && custom.type === "courses" && Array.isArray(custom.courses)) {
      append(renderCards(custom));
    }
    if (withReplies && Array.isArray(message.buttons) && message.buttons.length) {
      append(renderReplies(message.buttons));
    }
    return first;
  }

  /** What identifies a message when the history is compared with what is on screen. */
  function messageKey(message) {
    var custom = message.custom || {};
    var titles = Array.isArray(custom.courses)
      ? custom.courses.map(function (card) {
          return card && card.title;
        })
      : [];
    var author = message.from === "user" ? "user" : "bot";
    return [author, message.text || "", titles.join("\u0000")].join("\u0001");
  }

  var shownKeys = []; // every message on screen, in order, as messageKey gives it

  function addMessages(messages, showReplies) {
    var first = null;
    messages.forEach(function (message) {
      if (!message || typeof message !== "object") {
        return;
      }
      var isUser = message.from === "user";
      var custom = message.custom || {};
      if (!isUser && custom.type === "reminder") {
        watchReminder(custom.at, 0); // the time only: the reminder itself comes later
      }
      var node = isUser ? addUser(String(message.text || "")) : addBot(message, showReplies);
      shownKeys.push(messageKey(message));
      first = first || node;
    });
    return first;
  }

  /* ---------- talking to the server ---------- */

  var busy = false;
  var typing = null;

  function setBusy(value) {
    busy = value;
    log.setAttribute("aria-busy", value ? "true" : "false");
    sendButton.disabled = value;
    if (value && !typing) {
      typing = el("div", "cw-typing");
      typing.appendChild(el("span", "cw-sr-only", "The advisor is typing…"));
      for (var i = 0; i < 3; i += 1) {
        typing.appendChild(attrs(el("span", "cw-dot"), { "aria-hidden": "true" }));
      }
      log.appendChild(typing);
      log.scrollTop = log.scrollHeight;
    } else if (!value && typing) {
      typing.remove();
      typing = null;
    }
  }

  /** An error with the text to show and whether trying again can help. */
  function failure(text, retryable) {
    var error = new Error(text);
    error.retryable = retryable;
    return error;
  }

  /** A call to the web app: its list of messages, and whether an advisor has taken over. */
  async function request(path, options) {
    var controller = new AbortController();
    var timer = window.setTimeout(function () {
      controller.abort();
    }, REQUEST_TIMEOUT_MS);
    var response;
    try {
      var init = Object.assign({ signal: controller.signal, credentials: "omit" }, options);
      response = await fetch(server + path, init);
    } catch (error) {
      throw failure(ERROR_TEXT, true); // offline, refused, blocked or timed out
    } finally {
      window.clearTimeout(timer);
    }
    var body = null;
    try {
      body = await response.json();
    } catch (error) {
      body = null;
    }
    if (response.ok && Array.isArray(body)) {
      return { messages: body, paused: response.headers.get("X-Conversation-Paused") === "true" };
    }
    if (response.status >= 400 && response.status < 500 && body && typeof body.error === "string") {
      throw failure(body.error, false); // our request was refused: sending it again won't help
    }
    throw failure(ERROR_TEXT, true);
  }

  function fetchHistory() {
    return request("/api/history?sender=" + encodeURIComponent(sender), { method: "GET" });
  }

  function showError(error, retry) {
    var bubble = attrs(el("div", "cw-msg cw-msg-error"), { role: "alert" });
    bubble.appendChild(el("span", null, error.retryable ? ERROR_TEXT : error.message));
    if (error.retryable && retry) {
      var again = attrs(el("button", "cw-retry", "Retry"), { type: "button" });
      again.addEventListener("click", function (event) {
        keepKeyboardFocus(event);
        bubble.remove();
        retry();
      });
      bubble.appendChild(again);
    }
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
  }

  /**
   * Send a message. `shown` is what the learner's bubble says (a button's title), or null
   * for a message the widget sends by itself; a retry does not repeat the bubble.
   */
  async function send(message, shown, isRetry) {
    if (busy || !message) {
      return;
    }
    if (!isRetry) {
      removeReplies();
      if (shown !== null) {
        addMessages([{ from: "user", text: shown }], false);
      }
    }
    var body = { sender: sender, message: message };
    if (shown !== null && shown !== message) {
      body.shown = shown; // kept with the conversation, so a restored history shows it
    }
    setBusy(true);
    try {
      var reply = await request("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      setBusy(false);
      scrollToShow(addMessages(reply.messages, true));
      watchAdvisor(reply.paused);
    } catch (error) {
      setBusy(false);
      showError(error, function () {
        send(message, shown, true);
      });
    }
  }

  /** Restore the conversation after a reload, or start one if there is none. */
  async function start() {
    if (senderIsNew) {
      await send(GREETING_PAYLOAD, null, false);
      return;
    }
    setBusy(true);
    var history;
    try {
      history = await fetchHistory();
    } catch (error) {
      setBusy(false);
      showError(error, start);
      return;
    }
    setBusy(false);
    if (!history.messages.length) {
      await send(GREETING_PAYLOAD, null, false);
      return;
    }
    // Only the replies offered since the learner last spoke can still be pressed.
    var lastUser = -1;
    history.messages.forEach(function (message, index) {
      if (message && message.from === "user") {
        lastUser = index;
      }
    });
    addMessages(history.messages.slice(0, lastUser + 1), false);
    addMessages(history.messages.slice(lastUser + 1), true);
    log.scrollTop = log.scrollHeight;
    watchAdvisor(history.paused);
  }

  /* ---------- a hand-over: the advisor's replies arrive through the history ---------- */

  var advisorTimer = null;

  /** The messages of `history` after the last one on screen (none if it can't be placed). */
  function newSince(history) {
    var last = shownKeys[shownKeys.length - 1];
    for (var index = history.length - 1; index >= 0; index -= 1) {
      if (messageKey(history[index]) === last) {
        return history.slice(index + 1);
      }
    }
    return [];
  }

  async function pollAdvisor() {
    advisorTimer = null;
    if (busy || document.visibilityState === "hidden") {
      watchAdvisor(true); // look again later
      return;
    }
    var history;
    try {
      history = await fetchHistory();
    } catch (error) {
      watchAdvisor(true); // a missed poll is not worth an error bubble
      return;
    }
    if (busy) {
      watchAdvisor(true); // a turn started meanwhile: this snapshot may be stale
      return;
    }
    var fresh = newSince(history.messages);
    if (fresh.length) {
      removeReplies();
      scrollToShow(addMessages(fresh, true));
      if (panel.hidden) {
        launcher.classList.add("cw-has-news");
        launcher.setAttribute("aria-label", "Open chat: " + title + " (new message)");
      }
    }
    watchAdvisor(history.paused);
  }

  /** While an advisor has the conversation, look for their replies every few seconds. */
  function watchAdvisor(paused) {
    if (advisorTimer !== null) {
      window.clearTimeout(advisorTimer);
      advisorTimer = null;
    }
    if (paused) {
      advisorTimer = window.setTimeout(pollAdvisor, ADVISOR_POLL_MS);
    }
  }

  /* ---------- a reminder: the shortlist comes back through the history ---------- */

  var reminderTimer = null;

  /**
   * Fetch the history shortly after a reminder is due (`at`, ISO time; null cancels).
   * A reminder already past when a page loads is in the restored history; one too far
   * ahead for a browser timer shows on a later visit.
   */
  function watchReminder(at, attempt) {
    if (reminderTimer !== null) {
      window.clearTimeout(reminderTimer);
      reminderTimer = null;
    }
    var when = typeof at === "string" ? Date.parse(at) : NaN;
    if (isNaN(when) || (attempt === 0 && when < Date.now())) {
      return;
    }
    var delay = Math.max(0, when - Date.now()) + REMINDER_GRACE_MS * (attempt + 1);
    if (delay > MAX_TIMER_MS) {
      return;
    }
    reminderTimer = window.setTimeout(function () {
      pollReminder(at, attempt);
    }, delay);
  }

  async function pollReminder(at, attempt) {
    reminderTimer = null;
    var before = shownKeys.length;
    await pollAdvisor();
    if (shownKeys.length === before && attempt < REMINDER_RETRIES) {
      watchReminder(at, attempt + 1); // not fired yet (clocks differ): look again
    }
  }

  /* ---------- opening, closing and the keyboard ---------- */

  var started = false;

  function open(moveFocus) {
    panel.hidden = false;
    root.classList.add("cw-is-open");
    launcher.setAttribute("aria-expanded", "true");
    launcher.setAttribute("aria-label", "Open chat: " + title);
    launcher.classList.remove("cw-has-news");
    store("sessionStorage", openKey, "1");
    if (moveFocus) {
      input.focus();
    }
    if (!started) {
      started = true;
      start();
    }
  }

  function close() {
    panel.hidden = true;
    root.classList.remove("cw-is-open");
    launcher.setAttribute("aria-expanded", "false");
    store("sessionStorage", openKey, null);
    launcher.focus();
  }

  launcher.addEventListener("click", function () {
    if (panel.hidden) {
      open(true);
    } else {
      close();
    }
  });
  closeButton.addEventListener("click", close);
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      close();
    }
  });

  function resizeInput() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 120) + "px";
  }

  function submit() {
    var text = input.value.trim();
    if (!text || busy) {
      return;
    }
    input.value = "";
    resizeInput();
    send(text, text, false);
  }

  input.addEventListener("input", resizeInput);
  input.addEventListener("keydown", function (event) {
    // Enter sends, Shift+Enter starts a new line; an IME composing text keeps its Enter.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submit();
  });

  function mount() {
    document.body.appendChild(host);
    if (stored("sessionStorage", openKey)) {
      open(false); // the learner left it open on the previous page: keep it open, quietly
    }
  }

  if (document.body) {
    mount();
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
})();
