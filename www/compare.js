// "So sánh các tỉnh": for every `key` that two or more seed datasets share, one table of
// the plans' targets for it (as written and structured), deadlines and latest results.
// Targets come from the datasets' JSON; latest results from chitieu.score. Everything
// from the data is shown with textContent.
(function () {
  var PLANS = ["quang-nam-2024", "quang-nam-2025-2030", "nghe-an-2024", "quang-tri-dti"];
  var site = window.site;
  var status = document.getElementById("status");
  var toc = document.getElementById("toc");
  var tocNav = document.getElementById("toc-nav");
  var root = document.getElementById("comparisons");
  var plans = null; // [{ file, json, latest: { id → {period, value} } }]

  var COLS = {
    vi: ["Tỉnh / kế hoạch", "Mục tiêu theo văn bản", "Mục tiêu (chuẩn hóa)", "Thời hạn", "Kết quả gần nhất", "Biểu đồ"],
    en: ["Province / plan", "Target as written", "Structured target", "Deadline", "Latest result", "Chart"]
  };
  var OPS = { gte: "≥", gt: ">", lte: "≤", lt: "<", eq: "=", approx: "≈" };

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function nameOf(ind, lang) {
    if (typeof ind.name === "string") return ind.name;
    return (lang === "en" && ind.name.en) || ind.name.vi;
  }

  function number(v, lang) {
    return new Intl.NumberFormat(lang === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 }).format(v);
  }

  function withUnit(text, unit, lang) {
    if (unit === "percent") return text + "%";
    if (unit === "count") return text;
    if (unit === "vnd") return text + (lang === "en" ? " VND" : " đồng");
    return text + " " + unit;
  }

  function structured(t, unit, lang) {
    var s;
    if (t.op === "range") s = withUnit(number(t.min, lang) + "–" + number(t.max, lang), unit, lang);
    else s = (OPS[t.op] || t.op) + " " + withUnit(number(t.value, lang), unit, lang);
    if (t.change === "increase") s = (lang === "en" ? "increase " : "tăng ") + s;
    if (t.change === "decrease") s = (lang === "en" ? "decrease " : "giảm ") + s;
    return s;
  }

  function periodText(p, lang) {
    var q = /^(\d{4})-Q([1-4])$/.exec(p);
    if (q) return lang === "en" ? "Q" + q[2] + " " + q[1] : "Quý " + q[2] + "/" + q[1];
    var m = /^(\d{4})-(\d{2})$/.exec(p);
    if (m) return lang === "en" ? m[2] + "/" + m[1] : "tháng " + m[2] + "/" + m[1];
    return p;
  }

  // key → [{ plan, indicator }], in the order keys first appear across PLANS.
  function sharedKeys() {
    var byKey = new Map();
    plans.forEach(function (p) {
      p.json.indicators.forEach(function (ind) {
        if (!ind.key) return;
        if (!byKey.has(ind.key)) byKey.set(ind.key, []);
        byKey.get(ind.key).push({ plan: p, indicator: ind });
      });
    });
    var keys = [];
    byKey.forEach(function (entries, key) {
      var distinct = new Set(entries.map(function (e) { return e.plan.file; }));
      if (distinct.size >= 2) keys.push({ key: key, entries: entries });
    });
    return keys;
  }

  function cell(row, label, header) {
    var c = document.createElement(header ? "th" : "td");
    if (header) c.setAttribute("scope", "row");
    c.setAttribute("data-label", label);
    row.appendChild(c);
    return c;
  }

  function planCell(row, plan, lang) {
    var c = cell(row, COLS[lang][0], true);
    c.appendChild(el("strong", null, plan.json.plan.region || plan.json.plan.id));
    var title = el("span", "sub", plan.json.plan.title);
    title.setAttribute("lang", "vi");
    c.appendChild(title);
  }

  function table(entries, lang) {
    var t = el("table", "site-table cards compare");
    var thead = el("thead");
    var hr = el("tr");
    COLS[lang].forEach(function (h) {
      var th = el("th", null, h);
      th.setAttribute("scope", "col");
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    t.appendChild(thead);
    var tbody = el("tbody");
    entries.forEach(function (e) {
      var ind = e.indicator, plan = e.plan;
      var latest = plan.latest[ind.id];
      var targets = ind.targets && ind.targets.length ? ind.targets : [null];
      targets.forEach(function (target, i) {
        var tr = el("tr");
        tr.setAttribute("data-plan", plan.file);
        planCell(tr, plan, lang);
        var written = cell(tr, COLS[lang][1]);
        if (target && target.text) {
          var q = el("span", null, "“" + target.text + "”");
          q.setAttribute("lang", "vi");
          written.appendChild(q);
        } else {
          written.textContent = lang === "en" ? "No target in this plan" : "Kế hoạch không đặt mục tiêu";
        }
        if (i === 0 && ind.note) {
          var note = el("span", "sub", lang === "en" ? "Dataset note (in Vietnamese): " : "Ghi chú của bộ dữ liệu: ");
          var noteText = el("span", null, ind.note);
          noteText.setAttribute("lang", "vi");
          note.appendChild(noteText);
          written.appendChild(note);
        }
        cell(tr, COLS[lang][2]).textContent = target ? structured(target, ind.unit, lang) : "—";
        var deadline = cell(tr, COLS[lang][3]);
        deadline.className = "num";
        deadline.textContent = target ? (target.deadline ? periodText(target.deadline, lang) : (lang === "en" ? "not stated" : "không ghi")) : "—";
        var result = cell(tr, COLS[lang][4]);
        result.className = "num";
        result.textContent = latest
          ? withUnit(number(latest.value, lang), ind.unit, lang) + " (" + periodText(String(latest.period), lang) + ")"
          : (lang === "en" ? "no data" : "chưa có số liệu");
        var chart = cell(tr, COLS[lang][5]);
        // A compact bullet where there is a result to draw, once per plan.
        if (latest && i === 0) {
          var w = document.createElement("chitieu-bullet");
          w.setAttribute("src", "seeds/" + plan.file + ".json");
          w.setAttribute("indicator", ind.id);
          w.setAttribute("variant", "compact");
          w.setAttribute("theme", "auto");
          w.setAttribute("lang", lang);
          chart.appendChild(w);
        } else {
          chart.textContent = "—";
          chart.setAttribute("aria-label", lang === "en" ? "no chart" : "không có biểu đồ");
        }
        tbody.appendChild(tr);
      });
    });
    t.appendChild(tbody);
    return t;
  }

  function render() {
    var lang = site.lang();
    var keys = sharedKeys();
    toc.replaceChildren();
    root.replaceChildren();
    keys.forEach(function (k) {
      var first = k.entries[0].indicator;
      var id = "key-" + k.key;
      var li = el("li");
      var a = el("a", null, nameOf(first, lang));
      a.href = "#" + id;
      li.appendChild(a);
      var count = new Set(k.entries.map(function (e) { return e.plan.file; })).size;
      li.appendChild(document.createTextNode(" (" + count + (lang === "en" ? " plans)" : " kế hoạch)")));
      toc.appendChild(li);

      var section = el("section", "compare-key");
      section.id = id;
      section.setAttribute("aria-labelledby", id + "-title");
      var h = el("h2", null, nameOf(first, lang));
      h.id = id + "-title";
      section.appendChild(h);
      var keyLine = el("p", "key");
      keyLine.appendChild(document.createTextNode(lang === "en" ? "Key: " : "Khóa: "));
      keyLine.appendChild(el("code", null, k.key));
      section.appendChild(keyLine);
      var wrap = el("div", "table-wrap");
      wrap.appendChild(table(k.entries, lang));
      section.appendChild(wrap);
      root.appendChild(section);
    });
    tocNav.hidden = false;
    site.text(status,
      keys.length + " chỉ tiêu có trong từ hai kế hoạch trở lên, trên " + plans.length + " bộ dữ liệu mẫu.",
      keys.length + " measures appear in two or more plans, across " + plans.length + " seed datasets.");
    status.className = "summary";
    // Opened with #key-…: go there now that it exists.
    if (location.hash) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();
    }
  }

  Promise.all(PLANS.map(function (file) {
    return fetch("seeds/" + file + ".json").then(function (r) {
      if (!r.ok) throw new Error("seeds/" + file + ".json: HTTP " + r.status);
      return r.json();
    }).then(function (json) {
      return window.chitieu.score(json).then(function (s) {
        var latest = {};
        s.indicators.forEach(function (i) { if (i.latest) latest[i.id] = i.latest; });
        return { file: file, json: json, latest: latest };
      });
    });
  })).then(function (loaded) {
    plans = loaded;
    render();
    site.onLang(render);
  }, function (err) {
    status.className = "summary bad";
    site.text(status, "Không tải được dữ liệu: " + err.message, "Could not load the data: " + err.message);
  });
})();
