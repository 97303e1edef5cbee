// chitieu loader: the custom elements, lazy wasm start-up and the shared dataset cache.
//
// `cargo xtask build` places this file inside one function scope together with the
// wasm-bindgen glue (`__wbg_init`, `loadDataset`, `mount`, `stylesheet`), so nothing but
// `window.chitieu` reaches the page's global scope. SCRIPT (this script's element),
// SCRIPT_URL, VERSION and WASM_INLINE (the wasm as base64 in chitieu.inline.js, else null)
// are defined by that wrapper. The npm package wraps the same file as an ES module, with
// ESM_API set to the analysis functions of its one wasm; there the wasm is found by the
// glue's own `new URL("…_bg.wasm", import.meta.url)`, which bundlers follow, and nothing is
// defined on `window` or in the page until the importer asks.

var WIDGETS = ["gauge", "bullet", "table", "scorecard", "trend", "tasks"];
var ATTRS = ["src", "indicator", "pillar", "level", "status", "lang", "theme", "as-of", "variant", "stale-after", "min-coverage", "group-by", "due-soon-days", "export"];
// How long a dataset fetch may take: `<script src="chitieu.js" data-fetch-timeout="ms">`.
var FETCH_TIMEOUT_MS = (SCRIPT && Number(SCRIPT.getAttribute("data-fetch-timeout"))) || 20000;

// The loader's words in both languages, from the one catalogue of messages (Rust:
// chitieu_core::messages, the keys `loader.*`): `cargo xtask build` writes the table here,
// each key in camelCase, a message with placeholders as a function of them in order
// (`http(status, url)`).
var TEXT = /* chitieu:catalogue */ { vi: {}, en: {} };

function langOf(el) {
  var holder = el.closest("[lang]");
  var tag = (holder && holder.getAttribute("lang")) || document.documentElement.lang || "vi";
  return /^en\b/i.test(tag) ? "en" : "vi";
}

function today() {
  var d = new Date();
  function two(n) { return (n < 10 ? "0" : "") + n; }
  return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
}

// --- the wasm, started once, on first need --------------------------------------------
var wasmStart = null;
function startWasm() {
  if (!wasmStart) {
    // chitieu.inline.js carries the wasm inside (WASM_INLINE, base64); chitieu.js fetches it.
    if (ESM_API) {
      wasmStart = __wbg_init();
    } else {
      var source = WASM_INLINE
        ? Uint8Array.from(atob(WASM_INLINE), function (c) { return c.charCodeAt(0); })
        : new URL("chitieu_bg.wasm", SCRIPT_URL);
      wasmStart = __wbg_init({ module_or_path: source });
    }
  }
  return wasmStart;
}

// --- datasets: each URL fetched once and read once per language, shared by widgets -------
var datasets = new Map();
var texts = new Map();

// The timeout covers the network only: it ends when the last byte of the body has arrived,
// before the text is decoded, and long before a large file is parsed on a slow phone.
function fetchText(url, lang) {
  var t = TEXT[lang];
  var ctrl = typeof AbortController === "function" ? new AbortController() : null;
  var timer = setTimeout(function () { if (ctrl) ctrl.abort(); }, FETCH_TIMEOUT_MS);
  return fetch(url, { signal: ctrl ? ctrl.signal : undefined, credentials: "same-origin" })
    .then(function (res) {
      if (!res.ok) throw own(t.http(res.status, url));
      return res.arrayBuffer();
    })
    .finally(function () { clearTimeout(timer); })
    .then(function (bytes) {
      // A spreadsheet stays bytes, for the analysis wasm to read.
      if (isSheet(url, bytes)) return new Uint8Array(bytes);
      // As res.text() decodes: UTF-8, a byte-order mark dropped.
      var text = new TextDecoder().decode(bytes);
      // A wrong src often gets the site's own page back with status 200 (a login page, a
      // "not found" page, a single-page app's index.html): no dataset starts with "<".
      if (/^\uFEFF?\s*</.test(text)) throw own(t.html(url));
      return text;
    })
    .catch(function (err) {
      if (err && err.chitieuOwn) throw err;
      throw own(err && err.name === "AbortError" ? t.timeout(url) : t.network(url));
    });
}

// Whether a file is a spreadsheet (.xlsx, .xlsm, .xls, .ods): by the name's extension,
// else by a zip's first bytes (as chitieu_core::load::sheets::is_spreadsheet decides).
function isSheet(name, bytes) {
  if (/\.(xlsx|xlsm|xls|ods)(?:$|[?#])/i.test(name || "")) return true;
  var b = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  return b[0] === 80 && b[1] === 75 && b[2] === 3 && b[3] === 4;
}

// Whether a dataset's text is CSV: by the name's extension, else by its first character
// (as chitieu_core::load::detect_format decides).
function isCsv(text, name) {
  var ext = /\.([a-z]+)$/i.exec(name || "");
  ext = ext && ext[1].toLowerCase();
  if (ext === "json") return false;
  if (ext === "csv" || ext === "tsv" || ext === "txt") return true;
  return !/^\uFEFF?\s*[{[]/.test(text);
}

// Whether a JSON text repeats a key inside one object: JSON.parse keeps the last one
// silently, where the dataset format rejects the file (and the analysis wasm says where).
function repeatsKey(text) {
  var seen = [], i = 0, n = text.length, c, j, key;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c === 123) seen.push({});
    else if (c === 125 || c === 93) { if (c === 125) seen.pop(); }
    else if (c === 91) seen.push(null);
    else if (c === 34) {
      for (j = i + 1; j < n && text.charCodeAt(j) !== 34; j++) if (text.charCodeAt(j) === 92) j++;
      key = text.slice(i + 1, j);
      i = j;
      while (++j < n && /\s/.test(text[j]));
      var top = seen[seen.length - 1];
      if (text[j] === ":" && top) {
        if (Object.prototype.hasOwnProperty.call(top, key)) return true;
        top[key] = 1;
      }
    }
  }
  return false;
}

// A dataset from its text. The widgets' wasm has no JSON or CSV parser of its own: the
// browser's JSON.parse reads the text and the wasm reads the object. CSV, and anything
// the wasm cannot take as it is (a mistake to explain with line and column), go through
// the analysis wasm, which pages with good JSON data never download: it reads the text
// as `chitieu validate` would and either says what is wrong, in words, or hands back the
// dataset as canonical JSON. (The npm package has one wasm that reads both itself.)
// A spreadsheet (bytes, not text) goes to the analysis wasm too.
function parseDataset(text, name, lang) {
  lang = lang || "vi";
  var sheet = typeof text !== "string";
  if (ESM_API) return sheet ? loadSheet(text, name, lang) : loadDataset(text, name, lang);
  if (!sheet && !isCsv(text, name) && !repeatsKey(text)) {
    var data;
    try { data = JSON.parse(text.replace(/^\uFEFF/, "")); } catch (e) { data = undefined; }
    var handle = data === undefined ? undefined : readDataset(data);
    if (handle) return handle;
  }
  return startApi(sheet).then(function (api) {
    // Its mistakes, and the indicators it sets aside, are told in the widget's language.
    var out = JSON.parse(sheet ? api.sheetDatasetJson(text, name, lang) : api.datasetJson(text, name, lang));
    var handle = readDataset(out.dataset, out.quarantined);
    if (!handle) throw new Error((name ? name + ": " : "") + TEXT[lang].ownJson);
    return handle;
  }, function () {
    throw own(TEXT[lang].api);
  });
}

function datasetFrom(url, lang) {
  // Read once per language (the findings about indicators set aside are in the
  // widget's), fetched once.
  var href = url.href, key = href + " " + lang;
  if (!datasets.has(key)) {
    if (!texts.has(href)) texts.set(href, fetchText(href, lang));
    var p = Promise.all([texts.get(href), startWasm()]).then(function (r) {
      return parseDataset(r[0], url.pathname.split("/").pop() || href, lang);
    });
    // A failed load is not cached, so a later attempt (or a fixed file) can succeed.
    p.catch(function () { datasets.delete(key); texts.delete(href); });
    datasets.set(key, p);
  }
  return datasets.get(key);
}

// --- the lazy trigger: start a widget when it comes near the viewport ---------------------
var controllers = new WeakMap();
var observer = typeof IntersectionObserver === "function"
  ? new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var c = controllers.get(e.target);
        if (e.isIntersecting && c) {
          observer.unobserve(e.target);
          c.start();
        }
      });
    }, { rootMargin: "300px" })
  : null;

var sheets = new Map();
function adoptStyles(root, widget) {
  if (!("adoptedStyleSheets" in Document.prototype) || typeof CSSStyleSheet !== "function") {
    var style = document.createElement("style");
    style.textContent = stylesheet(widget);
    root.insertBefore(style, root.firstChild);
    return;
  }
  if (!sheets.has(widget)) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(stylesheet(widget));
    sheets.set(widget, sheet);
  }
  root.adoptedStyleSheets = [sheets.get(widget)];
}

// --- markup into the DOM, without a virtual DOM runtime and without an HTML sink --------
// The wasm gives each widget's markup as a string that it escaped itself (tags, attributes
// in double quotes, text; `&amp; &lt; &gt; &quot;` only). `parse` reads that small grammar
// into plain arrays — [tag, attributes, children, markup, start tag] or a string for text — and the DOM
// is built from them with createElement(NS)/setAttribute, so every HTML-parsing sink
// (innerHTML and the like) stays out of the bundle and a page that enforces Trusted Types
// (`require-trusted-types-for 'script'`) needs no policy for the widgets.
var SVG_NS = "http://www.w3.org/2000/svg";
var TOKEN = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"]*")*)\s*>|([^<]+)/g;
var ATTR = /([\w:-]+)="([^"]*)"/g;
var ENTITY = { amp: "&", lt: "<", gt: ">", quot: '"' };
function unescapeText(s) {
  return s.indexOf("&") < 0 ? s : s.replace(/&(amp|lt|gt|quot);/g, function (m, e) { return ENTITY[e]; });
}
function parse(html) {
  var root = [null, [], [], ""];
  var stack = [root];
  var starts = [0];
  var m, a;
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(html))) {
    var top = stack[stack.length - 1];
    if (m[4] !== undefined) {
      top[2].push(unescapeText(m[4]));
    } else if (m[1]) {
      if (stack.length > 1) {
        // An element's own markup: identical markup means an identical subtree.
        stack.pop()[3] = html.slice(starts.pop(), TOKEN.lastIndex);
      }
    } else {
      var attrs = [];
      ATTR.lastIndex = 0;
      while ((a = ATTR.exec(m[3]))) attrs.push(a[1], unescapeText(a[2]));
      var el = [m[2], attrs, [], m[0], m[0]];
      top[2].push(el);
      if (m[2] !== "input" && m[2] !== "br" && m[2] !== "img") {
        stack.push(el);
        starts.push(m.index);
      }
    }
  }
  return root[2];
}
function create(v, svg) {
  if (typeof v === "string") return document.createTextNode(v);
  svg = svg || v[0] === "svg";
  var el = svg ? document.createElementNS(SVG_NS, v[0]) : document.createElement(v[0]);
  for (var i = 0; i < v[1].length; i += 2) el.setAttribute(v[1][i], v[1][i + 1]);
  for (i = 0; i < v[2].length; i++) el.appendChild(create(v[2][i], svg));
  el.__chitieu = v[3];
  el.__chitieuTag = v[4];
  return el;
}

// Makes `live`'s children what `next` (from `parse`) describes, touching only what differs:
// a subtree whose markup is unchanged is skipped whole, and the element that has the focus
// (the search box while a reader types, with its caret and an input method's composition),
// open <details> and scroll positions stay as they are.
function patch(live, next) {
  var svg = live.namespaceURI === SVG_NS;
  var a = live.firstChild;
  for (var i = 0; i < next.length; i++) {
    var v = next[i];
    var text = typeof v === "string";
    if (!a) {
      live.appendChild(create(v, svg));
      continue;
    } else if (text ? a.nodeType !== 3 : a.nodeType !== 1 || a.localName !== v[0]) {
      var made = create(v, svg);
      live.replaceChild(made, a);
      a = made;
    } else if (text) {
      if (a.data !== v) a.data = v;
    } else if (a.__chitieu !== v[3]) {
      // Same start tag, same attributes: only what is inside changed.
      if (a.__chitieuTag !== v[4] || a.localName === "input" || a.localName === "option") {
        syncAttributes(a, v[1]);
        a.__chitieuTag = v[4];
      }
      patch(a, v[2]);
      a.__chitieu = v[3];
    }
    a = a.nextSibling;
  }
  while (a) {
    var na = a.nextSibling;
    live.removeChild(a);
    a = na;
  }
}
function syncAttributes(el, attrs) {
  var i, n, want = {};
  for (i = 0; i < attrs.length; i += 2) {
    want[attrs[i]] = 1;
    if (el.getAttribute(attrs[i]) !== attrs[i + 1]) el.setAttribute(attrs[i], attrs[i + 1]);
  }
  for (i = el.attributes.length - 1; i >= 0; i--) {
    n = el.attributes[i].name;
    if (!want[n]) el.removeAttribute(n);
  }
  // What the reader changed lives in properties, not attributes.
  if (el.localName === "option" && el.selected !== !!want.selected) el.selected = !!want.selected;
  if (el.localName === "input" && el !== el.getRootNode().activeElement) {
    var value = el.getAttribute("value") || "";
    if (el.value !== value) el.value = value;
  }
}

// The reader's actions: the markup names them (`data-act`, `data-point`, `data-select`;
// see chitieu_widgets::markup::Outcome), one listener per kind on the widget's mount point
// turns DOM events into them.
function wire(ctrl, mp) {
  function act(name, value) {
    var h = ctrl.handle;
    if (!h) return 0;
    var r = h.act(name, value);
    if (r & 1) patch(mp, parse(h.html()));
    var f = h.focus();
    var target = f && mp.querySelector(f);
    if (target) {
      if (r & 4) target.scrollIntoView();
      target.focus();
    }
    return r;
  }
  function pick(el) {
    ctrl.host.dispatchEvent(new CustomEvent("chitieu:select", {
      bubbles: true, composed: true,
      detail: { widget: ctrl.widget, indicator: el.getAttribute("data-indicator"), period: el.getAttribute("data-period") || null }
    }));
  }
  function closest(e, sel) {
    var el = e.target.closest ? e.target.closest(sel) : null;
    return el && mp.contains(el) ? el : null;
  }
  mp.addEventListener("click", function (e) {
    var s = closest(e, "[data-select]");
    if (s) pick(s);
    var b = closest(e, "button[data-act]");
    if (!b) return;
    var name = b.getAttribute("data-act");
    if (name === "csv") {
      var file = ctrl.handle && ctrl.handle.tableCsv();
      if (file) saveBlob(new Blob([file[1]], { type: "text/csv;charset=utf-8" }), file[0]);
    } else {
      act(name, b.getAttribute("data-arg") || "");
    }
  });
  mp.addEventListener("change", function (e) {
    var s = closest(e, "select[data-act]");
    if (s) act(s.getAttribute("data-act"), s.value);
  });
  mp.addEventListener("input", function (e) {
    var i = closest(e, "input[data-act]");
    if (i) act(i.getAttribute("data-act"), i.value);
  });
  mp.addEventListener("focusin", function (e) {
    var p = closest(e, "[data-point]");
    if (p) act("focus", p.getAttribute("data-point"));
  });
  mp.addEventListener("keydown", function (e) {
    var s = closest(e, "[data-select]");
    if (s && s.nodeName !== "BUTTON" && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      pick(s);
      return;
    }
    var p = closest(e, "[data-point]");
    if (p && act("key", p.getAttribute("data-point") + " " + e.key) & 2) e.preventDefault();
  });
}

// --- export: the chart as SVG or PNG, the data shown as chitieu/1 CSV -------------------

function saveBlob(blob, name) {
  var a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
}

// The widget's chart as a standalone SVG file: its <title> from the aria-label, the
// widget's stylesheet inside, the root classes (theme, widget) on a group, a background.
function chartSvg(ctrl) {
  var fig = ctrl.root.querySelector("figure.chitieu");
  var svg = fig && fig.querySelector("svg.chart, svg[role=img], svg[role=group]");
  if (!svg) return null;
  var box = (svg.getAttribute("viewBox") || "0 0 200 120").split(/[\s,]+/).map(Number);
  var out = svg.cloneNode(true);
  ["tabindex", "aria-describedby", "role"].forEach(function (a) { out.removeAttribute(a); });
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("width", String(box[2]));
  out.setAttribute("height", String(box[3]));
  var title = document.createElementNS(SVG_NS, "title");
  title.textContent = svg.getAttribute("aria-label") || "";
  var style = document.createElementNS(SVG_NS, "style");
  style.textContent = stylesheet(ctrl.widget);
  var group = document.createElementNS(SVG_NS, "g");
  group.setAttribute("class", fig.getAttribute("class") || "chitieu");
  var bg = document.createElementNS(SVG_NS, "rect");
  bg.setAttribute("class", "svg-bg");
  ["x", "y"].forEach(function (a, i) { bg.setAttribute(a, String(box[i])); });
  bg.setAttribute("width", String(box[2]));
  bg.setAttribute("height", String(box[3]));
  group.appendChild(bg);
  while (out.firstChild) group.appendChild(out.firstChild);
  out.appendChild(title);
  out.appendChild(style);
  out.appendChild(group);
  return { text: '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out), width: box[2], height: box[3] };
}

// Rasterises the SVG at 3× for sharp print; rejects where the page's CSP blocks blob: images.
function svgToPng(svg) {
  return new Promise(function (resolve, reject) {
    var url = URL.createObjectURL(new Blob([svg.text], { type: "image/svg+xml" }));
    var img = new Image();
    img.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = svg.width * 3;
      canvas.height = svg.height * 3;
      var g = canvas.getContext("2d");
      g.scale(3, 3);
      g.drawImage(img, 0, 0, svg.width, svg.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (b) { if (b) resolve(b); else reject(new Error("png")); }, "image/png");
    };
    img.onerror = function () { URL.revokeObjectURL(url); reject(new Error("blocked")); };
    img.src = url;
  });
}

// The "Download" disclosure at the foot of a widget that shows its figures (attribute
// export="none" leaves it out): the chart as SVG and PNG where there is one, and the data
// shown as chitieu/1 CSV — the table's as the reader has filtered it, at the click.
function exportMenu(ctrl, lang, theme) {
  var t = TEXT[lang];
  var o = ctrl.read();
  var base = "chitieu-" + ctrl.widget + (o.indicator ? "-" + o.indicator : "");
  var details = document.createElement("details");
  details.className = "export-bar export theme-" + (theme || "light");
  details.lang = lang;
  var summary = document.createElement("summary");
  summary.textContent = t.download;
  details.appendChild(summary);
  var menu = document.createElement("div");
  menu.className = "export-menu";
  var note = document.createElement("p");
  note.className = "export-note";
  note.setAttribute("aria-live", "polite");
  function button(label, run) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", run);
    menu.appendChild(b);
  }
  // Filled when first opened.
  details.addEventListener("toggle", function () {
    if (!details.open || menu.childElementCount) return;
    var fig = ctrl.root.querySelector("figure.chitieu");
    if (fig && fig.querySelector("svg.chart, svg[role=img], svg[role=group]")) {
      button(t.svg, function () {
        var svg = chartSvg(ctrl);
        if (svg) saveBlob(new Blob([svg.text], { type: "image/svg+xml" }), base + ".svg");
      });
      button(t.png, function () {
        var svg = chartSvg(ctrl);
        if (!svg) return;
        note.textContent = "";
        svgToPng(svg).then(function (b) { saveBlob(b, base + ".png"); }, function () { note.textContent = t.pngFailed; });
      });
    }
    button(t.csv, function () {
      if (ctrl.handle) saveBlob(new Blob([ctrl.handle.csv()], { type: "text/csv;charset=utf-8" }), base + ".csv");
    });
  });
  details.appendChild(menu);
  details.appendChild(note);
  return details;
}

// An error whose message is already meant for people (not a parser's).
function own(message) {
  var e = new Error(message);
  e.chitieuOwn = true;
  return e;
}

// The options a host element's attributes give, with `prefix` "" for <chitieu-*> and
// "data-" for <div data-chitieu="…">.
function attributeOptions(host, prefix) {
  var o = {};
  ATTRS.forEach(function (a) {
    var v = host.getAttribute(prefix + a);
    if (v !== null) o[a] = v;
  });
  var inline = host.querySelector('script[type="application/json"]');
  if (inline) o.inline = inline.textContent;
  return o;
}

// One widget on the page, whoever hosts it: a custom element, an upgraded
// <div data-chitieu>, or chitieu.mount(). `read()` gives its current options, keyed like
// the attributes ("as-of", "stale-after", "min-coverage"), plus `data` (object or text) or `inline`.
class Controller {
  constructor(host, widget, read) {
    this.host = host;
    this.widget = widget;
    this.read = read;
    this.root = host.shadowRoot || host.attachShadow({ mode: "open" });
    this.handle = null;
    this.generation = 0;
    this.started = false;
    controllers.set(host, this);
  }
  lang() {
    var o = this.read();
    if (o.lang) return /^en\b/i.test(o.lang) ? "en" : "vi";
    return langOf(this.host);
  }
  // Renders now if started, else shows "loading" and waits to come near the viewport.
  connect(eager) {
    if (this.started) { this.render(); return; }
    this.showStatus(TEXT[this.lang()].loading, false);
    if (observer && !eager) observer.observe(this.host); else this.start();
  }
  disconnect() {
    if (observer) observer.unobserve(this.host);
    this.unmount();
  }
  start() {
    if (this.started) return;
    this.started = true;
    this.render();
  }
  unmount() {
    if (this.handle) {
      try { this.handle.free(); } catch (e) { /* already gone */ }
      this.handle = null;
    }
  }
  showStatus(message, isError) {
    var box = document.createElement("div");
    box.className = isError ? "chitieu error" : "chitieu loading";
    box.setAttribute(isError ? "role" : "aria-live", isError ? "alert" : "polite");
    if (isError) {
      var icon = document.createElement("span");
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = "\u26a0 ";
      box.appendChild(icon);
    }
    box.appendChild(document.createTextNode(message));
    this.root.replaceChildren(box);
  }
  fail(message) {
    this.unmount();
    var root = this.root, widget = this.widget;
    // Styles may be missing when the wasm itself failed; the message stays readable.
    startWasm().then(function () { adoptStyles(root, widget); }, function () {});
    this.showStatus(message, true);
    this.host.dispatchEvent(new CustomEvent("chitieu:error", {
      bubbles: true, composed: true, detail: { message: message, widget: widget }
    }));
  }
  dataset(o, lang) {
    if (o.data !== undefined && o.data !== null) {
      var text = typeof o.data === "string" ? o.data : JSON.stringify(o.data);
      return startWasm().then(function () { return parseDataset(text, null, lang); });
    }
    if (o.src) return datasetFrom(new URL(o.src, document.baseURI), lang);
    if (o.inline !== undefined) {
      return startWasm().then(function () { return parseDataset(o.inline, TEXT[lang].inlineName, lang); });
    }
    return Promise.reject(own(TEXT[lang].noSource));
  }
  render() {
    var self = this;
    var o = this.read();
    var lang = this.lang();
    var generation = ++this.generation;
    // The wasm and the data download side by side: on a slow network, one round trip less
    // before the first widget is painted.
    var wasm = startWasm().catch(function () { throw own(TEXT[lang].wasm); });
    var data = self.dataset(o, lang);
    data.catch(function () {});
    wasm.then(function () { return data; }).then(function (data) {
      if (self.generation !== generation || !self.host.isConnected) return;
      self.unmount();
      adoptStyles(self.root, self.widget);
      var mountPoint = document.createElement("div");
      mountPoint.className = "mount";
      self.root.replaceChildren(mountPoint);
      var handle = self.handle = mount(self.widget, data, {
        indicator: o.indicator,
        pillar: o.pillar,
        level: o.level,
        status: o.status,
        lang: lang,
        theme: o.theme,
        variant: o.variant,
        asOf: o["as-of"],
        staleAfter: o["stale-after"],
        minCoverage: o["min-coverage"],
        groupBy: o["group-by"],
        dueSoonDays: o["due-soon-days"],
        today: today()
      });
      patch(mountPoint, parse(handle.html()));
      wire(self, mountPoint);
      if (o.export !== "none" && !handle.isError()) self.root.appendChild(exportMenu(self, lang, o.theme));
      // It either shows its figures (chitieu:ready) or says what is wrong, e.g. an unknown
      // indicator (chitieu:error).
      if (handle.isError()) {
        self.host.dispatchEvent(new CustomEvent("chitieu:error", {
          bubbles: true, composed: true,
          detail: { message: mountPoint.textContent.replace(/^\s*\u26a0\s*/, ""), widget: self.widget }
        }));
      } else {
        self.host.dispatchEvent(new CustomEvent("chitieu:ready", {
          bubbles: true, composed: true, detail: { widget: self.widget }
        }));
      }
    }).catch(function (err) {
      if (self.generation !== generation) return;
      var message = err && err.message ? err.message : String(err);
      self.fail(err && err.chitieuOwn ? message : TEXT[lang].data + message);
    });
  }
}

function makeElement(widget) {
  return class extends HTMLElement {
    static get observedAttributes() { return ATTRS; }
    connectedCallback() {
      var host = this;
      if (!this._c) this._c = new Controller(this, widget, function () { return attributeOptions(host, ""); });
      this._c.connect(false);
    }
    disconnectedCallback() { if (this._c) this._c.disconnect(); }
    attributeChangedCallback(name, was, now) {
      if (was !== now && this._c && this._c.started && this.isConnected) this._c.render();
    }
  };
}

// <div data-chitieu="gauge" data-src="…" data-indicator="…">, for CMSes that strip
// unknown tags: upgraded like the element, and re-rendered when its data-* change.
function upgradeDivs(scope) {
  var found = scope.querySelectorAll ? scope.querySelectorAll("[data-chitieu]") : [];
  var all = scope.matches && scope.matches("[data-chitieu]") ? [scope].concat([].slice.call(found)) : [].slice.call(found);
  all.forEach(function (host) {
    if (controllers.has(host)) return;
    var widget = host.getAttribute("data-chitieu");
    if (WIDGETS.indexOf(widget) < 0) {
      var c = new Controller(host, widget, function () { return {}; });
      return c.fail(TEXT[langOf(host)].noWidget(widget));
    }
    var ctrl = new Controller(host, widget, function () { return attributeOptions(host, "data-"); });
    ctrl.connect(false);
    new MutationObserver(function () { if (ctrl.started) ctrl.render(); })
      .observe(host, { attributes: true, attributeFilter: ATTRS.map(function (a) { return "data-" + a; }) });
  });
}

function watchDivs() {
  upgradeDivs(document);
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) { if (n.nodeType === 1) upgradeDivs(n); });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
}

// chitieu.mount(element, { widget, data | src, indicator, lang, theme, asOf, … }): renders
// at once into `element`'s shadow root; the handle's update() changes options, destroy()
// removes the widget.
function mountApi(element, options) {
  if (!element || typeof element.attachShadow !== "function") {
    throw new TypeError("chitieu.mount: the first argument must be an element");
  }
  var current = {};
  function set(opts) {
    Object.keys(opts || {}).forEach(function (k) {
      var key = { asOf: "as-of", staleAfter: "stale-after", minCoverage: "min-coverage", groupBy: "group-by", dueSoonDays: "due-soon-days" }[k] || k;
      var v = opts[k];
      // Options are read like attributes, as text: a number or a list handed to the wasm
      // where it takes a string (widget: 7) corrupted its memory and trapped it.
      current[key] = key === "data" || v === undefined || v === null ? v : String(v);
    });
  }
  set(options);
  var ctrl = controllers.get(element) || new Controller(element, current.widget || "gauge", function () { return current; });
  ctrl.widget = current.widget || ctrl.widget;
  ctrl.read = function () { return current; };
  ctrl.connect(true);
  return {
    update: function (opts) { set(opts); ctrl.widget = current.widget || ctrl.widget; ctrl.render(); },
    destroy: function () {
      ctrl.disconnect();
      ctrl.root.replaceChildren();
      controllers.delete(element);
    }
  };
}

function defineElements() {
  WIDGETS.forEach(function (w) {
    var name = "chitieu-" + w;
    if (!customElements.get(name)) customElements.define(name, makeElement(w));
  });
}

// --- the analysis API: chitieu_api.js and its wasm, fetched on the first call ------------
// Two builds of it: chitieu_api (JSON, CSV, scoring, parsing) and chitieu_sheets (the same
// and spreadsheets), fetched only for a spreadsheet: calamine doubles the download. Once
// the larger is loaded, it serves every call.
var apiStarts = {};
var apiRegistered = [];
function startApi(sheet) {
  if (ESM_API) return startWasm().then(function () { return ESM_API; });
  var name = sheet ? "chitieu_sheets" : "chitieu_api";
  if (!sheet && apiStarts.chitieu_sheets) return apiStarts.chitieu_sheets;
  var apiStart = apiStarts[name];
  if (!apiStart) {
    apiStart = apiStarts[name] = new Promise(function (resolve, reject) {
      // Each script hands its factory in the order it runs; both may be on their way.
      apiRegistered.push({ name: name, done: function (factory) {
        var api = factory(SCRIPT_URL);
        api.init({ module_or_path: new URL(name + "_bg.wasm", SCRIPT_URL) })
          .then(function () { resolve(api); }, reject);
      } });
      var s = document.createElement("script");
      s.setAttribute("data-chitieu-api", name);
      try {
        s.src = scriptUrl(new URL(name + ".js", SCRIPT_URL).href);
      } catch (e) {
        // A page whose Trusted Types rules allow no "chitieu" policy refuses the URL.
        reject(e);
        return;
      }
      s.async = true;
      s.onerror = function () { reject(new Error("chitieu: could not load " + s.src)); };
      document.head.appendChild(s);
    });
    apiStart.catch(function () { delete apiStarts[name]; });
  }
  return apiStart;
}
// Pages that enforce Trusted Types take a script URL only from a policy: chitieu's is
// named "chitieu" (add it to the page's `trusted-types` list) and passes only the analysis
// scripts next to chitieu.js.
// The widgets themselves need no policy (see `parse` and `create`).
var urlPolicy = null;
function scriptUrl(url) {
  var tt = window.trustedTypes;
  if (!tt || !tt.createPolicy) return url;
  try {
    urlPolicy = urlPolicy || tt.createPolicy("chitieu", {
      createScriptURL: function (u) {
        var ok = ["chitieu_api.js", "chitieu_sheets.js"].some(function (f) { return u === new URL(f, SCRIPT_URL).href; });
        if (ok) return u;
        throw new TypeError("chitieu: unexpected script URL");
      }
    });
    return urlPolicy.createScriptURL(url);
  } catch (e) {
    return url;
  }
}
function asText(dataset) {
  return typeof dataset === "string" ? dataset : JSON.stringify(dataset);
}
// A spreadsheet's bytes as the analysis wasm takes them, or null for text and objects.
function sheetBytes(d) {
  return d instanceof ArrayBuffer ? new Uint8Array(d)
    : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : null;
}
// chitieu.score(dataset, { asOf }) → Promise of the scores (as `chitieu score --format json`).
function score(dataset, options) {
  return startApi().then(function (api) {
    var asOf = options && options.asOf ? String(options.asOf) : null;
    return JSON.parse(api.scoreDataset(asText(dataset), null, asOf, today()));
  });
}
// chitieu.parseTargets(text) → Promise of [{ op, value | min/max, unit, level?, year?, … }].
function parseTargetsApi(text) {
  return startApi().then(function (api) { return JSON.parse(api.parseTargets(String(text))); });
}
// chitieu.validate(dataset, { lang }) → Promise of { valid, diagnostics: [{ severity, path,
// code, message, line, column, field }] }, the messages in `lang` ("vi", "en"; default English).
// A spreadsheet's bytes (ArrayBuffer, Uint8Array) are read as a workbook, and each finding
// also has `sheet`: { name, row, cell, title }.
function validate(dataset, options) {
  var lang = options && options.lang ? String(options.lang) : null;
  var bytes = sheetBytes(dataset);
  return startApi(!!bytes).then(function (api) {
    return JSON.parse(bytes ? api.validateSheet(bytes, lang) : api.validateDataset(asText(dataset), null, lang));
  });
}
// chitieu.convert(dataset, { to: "json" | "csv", name }) → Promise of the text: a
// spreadsheet's bytes as JSON or CSV, say. Rejects a dataset with any error.
function convert(dataset, options) {
  var to = String((options && options.to) || "json"), name = options && options.name ? String(options.name) : null;
  var sheet = sheetBytes(dataset);
  var bytes = sheet || new TextEncoder().encode(asText(dataset));
  return startApi(!!sheet).then(function (api) { return new TextDecoder().decode(api.convertDataset(bytes, name, to)); });
}

if (!ESM_API) {
  window.chitieu = {
    version: VERSION,
    defineElements: defineElements,
    mount: mountApi,
    score: score,
    parseTargets: parseTargetsApi,
    validate: validate,
    convert: convert,
    // chitieu_api.js hands its module factory here; not for pages to call.
    __registerApi: function (factory) {
      // The script that calls is the one running: its name says which build it is.
      var cur = document.currentScript;
      var name = cur && cur.getAttribute("data-chitieu-api");
      for (var i = 0; i < apiRegistered.length; i++) {
        if (apiRegistered[i].name === name) return apiRegistered.splice(i, 1)[0].done(factory);
      }
    }
  };
  defineElements();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchDivs);
  } else {
    watchDivs();
  }
}
