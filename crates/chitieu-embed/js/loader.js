// chitieu loader: the custom elements, lazy wasm start-up and the shared dataset cache.
//
// `cargo xtask build` places this file inside one function scope together with the
// wasm-bindgen glue (`__wbg_init`, `loadDataset`, `mount`, `stylesheet`), so nothing but
// `window.chitieu` reaches the page's global scope. The variables SCRIPT_URL and VERSION
// are defined by that wrapper.

var WIDGETS = ["gauge", "bullet", "table"];
var ATTRS = ["src", "indicator", "pillar", "level", "status", "lang", "theme", "as-of", "variant", "stale-after"];
var FETCH_TIMEOUT_MS = 20000;

var TEXT = {
  vi: {
    loading: "Đang tải dữ liệu…",
    noSource: "Thiếu dữ liệu: hãy đặt thuộc tính src hoặc một thẻ <script type=\"application/json\"> bên trong",
    http: function (status, url) { return "Không tải được dữ liệu (HTTP " + status + ") từ " + url; },
    timeout: function (url) { return "Quá thời gian chờ khi tải dữ liệu từ " + url; },
    network: function (url) { return "Không kết nối được để tải dữ liệu từ " + url; },
    wasm: "Không khởi động được thành phần hiển thị (WebAssembly)",
    data: "Dữ liệu không hợp lệ: "
  },
  en: {
    loading: "Loading data…",
    noSource: "No data: set the src attribute or put a <script type=\"application/json\"> inside",
    http: function (status, url) { return "Could not load the data (HTTP " + status + ") from " + url; },
    timeout: function (url) { return "Timed out loading the data from " + url; },
    network: function (url) { return "Could not connect to load the data from " + url; },
    wasm: "The display component (WebAssembly) could not start",
    data: "Invalid data: "
  }
};

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
    wasmStart = __wbg_init({ module_or_path: new URL("chitieu_bg.wasm", SCRIPT_URL) });
  }
  return wasmStart;
}

// --- datasets: each URL fetched and parsed once, shared by every widget ------------------
var datasets = new Map();

function fetchText(url, lang) {
  var t = TEXT[lang];
  var ctrl = typeof AbortController === "function" ? new AbortController() : null;
  var timer = setTimeout(function () { if (ctrl) ctrl.abort(); }, FETCH_TIMEOUT_MS);
  return fetch(url, { signal: ctrl ? ctrl.signal : undefined, credentials: "same-origin" })
    .then(function (res) {
      if (!res.ok) throw own(t.http(res.status, url));
      return res.text();
    })
    .catch(function (err) {
      if (err && err.chitieuOwn) throw err;
      throw own(err && err.name === "AbortError" ? t.timeout(url) : t.network(url));
    })
    .finally(function () { clearTimeout(timer); });
}

function datasetFrom(url, lang) {
  var key = url.href;
  if (!datasets.has(key)) {
    var p = Promise.all([fetchText(key, lang), startWasm()]).then(function (r) {
      return loadDataset(r[0], url.pathname.split("/").pop() || key);
    });
    // A failed load is not cached, so a later attempt (or a fixed file) can succeed.
    p.catch(function () { datasets.delete(key); });
    datasets.set(key, p);
  }
  return datasets.get(key);
}

// --- the lazy trigger: start a widget when it comes near the viewport ---------------------
var observer = typeof IntersectionObserver === "function"
  ? new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) {
          observer.unobserve(e.target);
          e.target._start();
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

// An error whose message is already meant for people (not a parser's).
function own(message) {
  var e = new Error(message);
  e.chitieuOwn = true;
  return e;
}

function makeElement(widget) {
  return class extends HTMLElement {
    static get observedAttributes() { return ATTRS; }

    connectedCallback() {
      if (!this.shadowRoot) this.attachShadow({ mode: "open" });
      if (this._started) { this._render(); return; }
      this._showStatus(TEXT[langOf(this)].loading, false);
      if (observer) observer.observe(this); else this._start();
    }
    disconnectedCallback() {
      if (observer) observer.unobserve(this);
      this._unmount();
    }
    attributeChangedCallback(name, was, now) {
      if (was !== now && this._started && this.isConnected) this._render();
    }
    _start() {
      if (this._started) return;
      this._started = true;
      this._render();
    }
    _unmount() {
      if (this._handle) {
        try { this._handle.destroy(); } catch (e) { /* already gone */ }
        this._handle = null;
      }
    }
    _showStatus(message, isError) {
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
      this.shadowRoot.replaceChildren(box);
    }
    _fail(message) {
      this._unmount();
      var root = this.shadowRoot;
      // Styles may be missing when the wasm itself failed; the message stays readable.
      startWasm().then(function () { adoptStyles(root, widget); }, function () {});
      this._showStatus(message, true);
      this.dispatchEvent(new CustomEvent("chitieu:error", {
        bubbles: true, composed: true, detail: { message: message, widget: widget }
      }));
    }
    _dataset(lang) {
      var src = this.getAttribute("src");
      if (src) return datasetFrom(new URL(src, document.baseURI), lang);
      var inline = this.querySelector('script[type="application/json"]');
      if (!inline) return Promise.reject(own(TEXT[lang].noSource));
      return startWasm().then(function () { return loadDataset(inline.textContent, "inline JSON"); });
    }
    _render() {
      var self = this;
      var lang = langOf(this);
      var generation = (this._generation || 0) + 1;
      this._generation = generation;
      startWasm().then(
        function () { return self._dataset(lang); },
        function () { throw own(TEXT[lang].wasm); }
      ).then(function (data) {
        if (self._generation !== generation || !self.isConnected) return;
        self._unmount();
        var root = self.shadowRoot;
        adoptStyles(root, widget);
        var mountPoint = document.createElement("div");
        mountPoint.className = "mount";
        root.replaceChildren(mountPoint);
        self._handle = mount(mountPoint, widget, data, {
          indicator: self.getAttribute("indicator"),
          pillar: self.getAttribute("pillar"),
          level: self.getAttribute("level"),
          status: self.getAttribute("status"),
          lang: lang,
          theme: self.getAttribute("theme"),
          variant: self.getAttribute("variant"),
          asOf: self.getAttribute("as-of"),
          staleAfter: self.getAttribute("stale-after"),
          today: today()
        });
        self.dispatchEvent(new CustomEvent("chitieu:ready", {
          bubbles: true, composed: true, detail: { widget: widget }
        }));
      }).catch(function (err) {
        if (self._generation !== generation) return;
        var message = err && err.message ? err.message : String(err);
        self._fail(err && err.chitieuOwn ? message : TEXT[lang].data + message);
      });
    }
  };
}

function defineElements() {
  WIDGETS.forEach(function (w) {
    var name = "chitieu-" + w;
    if (!customElements.get(name)) customElements.define(name, makeElement(w));
  });
}

window.chitieu = { version: VERSION, defineElements: defineElements };
defineElements();
