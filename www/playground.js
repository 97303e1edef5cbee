// "Thử dữ liệu của bạn": check a chitieu/1 dataset pasted or opened from a file, draw it,
// and give the embed snippet. Everything runs here, in the browser: the file is read with
// FileReader (Blob.text), checked by chitieu.validate (its messages in the page's
// language) and drawn by chitieu.mount; nothing is sent anywhere. All text from the data
// is shown with textContent. A spreadsheet (.xlsx, .xlsm, .ods) is checked as it is,
// each finding at its sheet and cell; when it is valid its data is shown as CSV text, to
// draw and to edit (an edit leaves the spreadsheet behind). The data downloads as JSON or
// CSV through chitieu.convert, and as xlsx through the playground's own writer module.
(function () {
  var textarea = document.getElementById("data");
  var fileInput = document.getElementById("file");
  var summary = document.getElementById("summary");
  var list = document.getElementById("diagnostics");
  var widgetSelect = document.getElementById("widget");
  var indicatorSelect = document.getElementById("indicator");
  var themeSelect = document.getElementById("theme");
  var langSelect = document.getElementById("wlang");
  var live = document.getElementById("live");
  var widgetNote = document.getElementById("widget-note");
  var snippet = document.getElementById("snippet");
  var site = window.site;

  var state = { valid: false, indicators: [], fileName: null, format: "csv", sheet: null };
  var handle = null;
  var runId = 0;
  var timer = null;
  var template = "";

  langSelect.value = site.lang();

  // --- reading the dataset's indicators (ids and names) for the select -------------------
  function parseCsv(text) {
    var rows = [], row = [], field = "", i = 0, quoted = false;
    for (; i < text.length; i++) {
      var c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
        } else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") { row.push(field); field = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(field); rows.push(row); row = []; field = "";
      } else field += c;
    }
    if (field !== "" || row.length) { row.push(field); rows.push(row); }
    return rows.filter(function (r) { return !(r.length === 1 && r[0] === "") && !/^\s*#/.test(r[0]); });
  }

  function indicatorsOf(text) {
    var t = text.replace(/^\uFEFF/, "").trim();
    if (t.charAt(0) === "{") {
      state.format = "json";
      try {
        var json = JSON.parse(t);
        return (json.indicators || []).filter(function (i) { return i && typeof i.id === "string"; }).map(function (i) {
          var n = i.name;
          return {
            id: i.id,
            vi: typeof n === "string" ? n : (n && n.vi) || i.id,
            en: typeof n === "string" ? n : (n && (n.en || n.vi)) || i.id,
            hasTarget: !!(i.targets && i.targets.length),
            hasData: !!(i.observations && i.observations.length)
          };
        });
      } catch (e) { return []; }
    }
    state.format = "csv";
    var rows = parseCsv(t);
    if (!rows.length) return [];
    var head = rows[0].map(function (h) { return h.trim(); });
    var col = function (name) { return head.indexOf(name); };
    var rec = col("record"), id = col("id"), name = col("name"), nameEn = col("name_en");
    if (rec < 0 || id < 0) return [];
    var withTarget = {}, withData = {};
    rows.forEach(function (r) {
      var kind = (r[rec] || "").trim(), of = unguard((r[id] || "").trim());
      if (kind === "target") withTarget[of] = true;
      if (kind === "observation") withData[of] = true;
    });
    return rows.slice(1).filter(function (r) { return (r[rec] || "").trim() === "indicator" && (r[id] || "").trim(); })
      .map(function (r) {
        var i = unguard(r[id].trim()), vi = unguard((name >= 0 && r[name]) || "") || i;
        return { id: i, vi: vi, en: unguard((nameEn >= 0 && r[nameEn]) || "") || vi, hasTarget: !!withTarget[i], hasData: !!withData[i] };
      });
  }

  // A cell without the apostrophe chitieu's CSV writer puts before text a spreadsheet
  // would run as a formula ("'=x", "'@id"): the same rule as core's `unguard_formula`.
  function unguard(cell) {
    if (cell.charAt(0) !== "'") return cell;
    var rest = cell.slice(1), t = rest.replace(/^'+/, "");
    var formula = t.charAt(0) === "-" ? !/^-[0-9][0-9.,%]*$/.test(t) : /^[=+@\t\r]/.test(t);
    return formula ? rest : cell;
  }

  function fillIndicators() {
    var lang = site.lang();
    var was = indicatorSelect.value;
    indicatorSelect.replaceChildren();
    state.indicators.forEach(function (ind) {
      var o = document.createElement("option");
      o.value = ind.id;
      o.textContent = ind.id + " — " + (lang === "en" ? ind.en : ind.vi);
      indicatorSelect.appendChild(o);
    });
    var ids = state.indicators.map(function (i) { return i.id; });
    if (ids.indexOf(was) >= 0) indicatorSelect.value = was;
    else {
      // The first indicator with both a target and results shows the most; else one with a target.
      var first = state.indicators.filter(function (i) { return i.hasTarget && i.hasData; })[0] ||
        state.indicators.filter(function (i) { return i.hasTarget; })[0] || state.indicators[0];
      if (first) indicatorSelect.value = first.id;
    }
  }

  // --- checking ----------------------------------------------------------------------------
  function goToLine(line) {
    var lines = textarea.value.split("\n");
    var start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    var end = start + (lines[line - 1] || "").length;
    textarea.focus();
    textarea.setSelectionRange(start, end);
    // Scroll the line into view: the textarea does not always do it on its own.
    var lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  function showDiagnostics(result) {
    list.replaceChildren();
    var errors = 0, warnings = 0;
    result.diagnostics.forEach(function (d) {
      var isError = d.severity === "error";
      if (isError) errors++; else warnings++;
      var li = document.createElement("li");
      li.className = isError ? "error" : "warning";
      var sev = document.createElement("span");
      sev.className = "sev";
      site.text(sev, isError ? "Lỗi" : "Cảnh báo", isError ? "Error" : "Warning");
      li.appendChild(sev);
      if (d.sheet) {
        // A cell of a spreadsheet, which is not in the text box: shown, not a link.
        var cell = document.createElement("span");
        cell.className = "where";
        var s = d.sheet, title = s.title ? " (" + s.title + ")" : "";
        site.text(cell,
          "Trang '" + s.name + "'" + (s.cell ? ", ô " + s.cell + title : s.row ? ", dòng " + s.row : ""),
          "Sheet '" + s.name + "'" + (s.cell ? ", cell " + s.cell + title : s.row ? ", row " + s.row : ""));
        li.appendChild(cell);
      } else if (d.line) {
        var where = document.createElement("button");
        where.type = "button";
        where.className = "where";
        var field = d.field ? " (" + d.field + ")" : "";
        site.text(where, "Dòng " + d.line + ", cột " + d.column + field, "Line " + d.line + ", column " + d.column + field);
        where.addEventListener("click", function () { goToLine(d.line); });
        li.appendChild(where);
      }
      var msg = document.createElement("span");
      msg.className = "message";
      msg.textContent = d.message;
      li.appendChild(msg);
      if (d.path) {
        var path = document.createElement("code");
        path.className = "path";
        path.textContent = d.path;
        li.appendChild(path);
      }
      list.appendChild(li);
    });
    // A long list scrolls; keyboard users can then focus it to scroll.
    if (result.diagnostics.length) list.setAttribute("tabindex", "0"); else list.removeAttribute("tabindex");
    summary.className = "summary " + (result.valid ? "ok" : "bad");
    if (result.valid) {
      site.text(summary,
        "Dữ liệu hợp lệ" + (warnings ? ", " + warnings + " cảnh báo cần xem lại." : ", không có cảnh báo."),
        "The data is valid" + (warnings ? ", " + warnings + " warning(s) to review." : ", with no warnings."));
    } else {
      site.text(summary,
        "Dữ liệu chưa hợp lệ: " + errors + " lỗi" + (warnings ? ", " + warnings + " cảnh báo" : "") + ".",
        "The data is not valid: " + errors + " error(s)" + (warnings ? ", " + warnings + " warning(s)" : "") + ".");
    }
  }

  function check() {
    if (state.sheet) return checkSheet();
    var text = textarea.value;
    var id = ++runId;
    state.indicators = indicatorsOf(text);
    fillIndicators();
    if (!text.trim()) {
      state.valid = false;
      list.replaceChildren();
      list.removeAttribute("tabindex");
      summary.className = "summary";
      site.text(summary, "Chưa có dữ liệu: dán nội dung hoặc mở một tệp.", "No data yet: paste the content or open a file.");
      render();
      return Promise.resolve();
    }
    site.text(summary, "Đang kiểm tra…", "Checking…");
    // The messages in the page's language, like the rest of the page.
    return window.chitieu.validate(text, { lang: site.lang() }).then(function (result) {
      if (id !== runId) return;
      state.valid = result.valid;
      showDiagnostics(result);
      if (result.valid && !state.indicators.length) {
        // Not read by the simple reader above: take the ids from the scores.
        return window.chitieu.score(text).then(function (s) {
          if (id !== runId) return;
          state.indicators = s.indicators.map(function (i) {
            return { id: i.id, vi: i.id, en: i.id, hasTarget: !!i.current_target, hasData: !!i.latest };
          });
          fillIndicators();
        });
      }
    }, function (err) {
      if (id !== runId) return;
      state.valid = false;
      summary.className = "summary bad";
      site.text(summary, "Không kiểm tra được: " + err.message, "Could not check: " + err.message);
    }).then(function () { if (id === runId) render(); });
  }

  // A spreadsheet: its findings at its cells; when valid, its data as CSV in the text box.
  function checkSheet() {
    var id = ++runId, sheet = state.sheet;
    site.text(summary, "Đang kiểm tra…", "Checking…");
    return window.chitieu.validate(sheet.bytes, { lang: site.lang() }).then(function (result) {
      if (id !== runId) return;
      state.valid = result.valid;
      showDiagnostics(result);
      if (!result.valid) {
        textarea.value = "";
        state.indicators = [];
        fillIndicators();
        return;
      }
      return window.chitieu.convert(sheet.bytes, { to: "csv", name: sheet.name }).then(function (csv) {
        if (id !== runId) return;
        textarea.value = csv.replace(/^\uFEFF/, "");
        state.indicators = indicatorsOf(textarea.value);
        fillIndicators();
      });
    }, function (err) {
      if (id !== runId) return;
      state.valid = false;
      summary.className = "summary bad";
      site.text(summary, "Không kiểm tra được: " + err.message, "Could not check: " + err.message);
    }).then(function () { if (id === runId) render(); });
  }

  // The data as JSON, CSV or xlsx: the spreadsheet as it was opened, else the text box.
  function download(to) {
    var base = (state.fileName || "du-lieu").replace(/\.[^.]*$/, "");
    var data = state.sheet ? state.sheet.bytes : textarea.value;
    var name = state.sheet ? state.sheet.name : null;
    var out = to === "xlsx" ? xlsx(data, name) : window.chitieu.convert(data, { to: to, name: name });
    out.then(function (out) {
      var type = to === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : to === "csv" ? "text/csv;charset=utf-8" : "application/json";
      var a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([out], { type: type }));
      a.download = base + "." + to;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 0);
    }, function (err) {
      summary.className = "summary bad";
      site.text(summary, "Không tải về được: " + err.message, "Could not download: " + err.message);
    });
  }

  // The workbook writer is not in the analysis wasm that portals load (it would weigh
  // about 175 KB gzipped more): the playground imports its own build of the API with the
  // writer, dist/xlsx/, on the first .xlsx download.
  var xlsxModule = null;
  function xlsx(data, name) {
    xlsxModule = xlsxModule || import("./dist/xlsx/chitieu_xlsx.js").then(function (m) {
      return m.default({ module_or_path: new URL("dist/xlsx/chitieu_xlsx_bg.wasm", document.baseURI) }).then(function () { return m; });
    });
    xlsxModule.catch(function () { xlsxModule = null; });
    var bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    return xlsxModule.then(function (m) { return m.convertDataset(bytes, name, "xlsx"); });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  // --- the widget and its snippet ------------------------------------------------------------
  function choice() {
    var parts = widgetSelect.value.split(":");
    return { widget: parts[0], variant: parts[1] || null };
  }
  function needsIndicator(widget) { return widget === "gauge" || widget === "bullet" || widget === "trend"; }

  function attr(value) {
    return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function updateSnippet() {
    var c = choice();
    var file = state.fileName || ("du-lieu." + state.format);
    var parts = ['src="/du-lieu/' + attr(file.replace(/ /g, "%20")) + '"'];
    if (needsIndicator(c.widget) && indicatorSelect.value) parts.push('indicator="' + attr(indicatorSelect.value) + '"');
    if (c.variant) parts.push('variant="' + c.variant + '"');
    if (themeSelect.value !== "light") parts.push('theme="' + themeSelect.value + '"');
    if (langSelect.value !== "vi") parts.push('lang="' + langSelect.value + '"');
    snippet.textContent = '<script src="/chitieu/chitieu.js" defer></script>\n' +
      "<chitieu-" + c.widget + " " + parts.join(" ") + "></chitieu-" + c.widget + ">";
  }

  function render() {
    var c = choice();
    indicatorSelect.disabled = !needsIndicator(c.widget) || !state.indicators.length;
    updateSnippet();
    if (!state.valid) {
      if (handle) { handle.destroy(); handle = null; }
      site.text(widgetNote, "Sửa các lỗi bên cạnh để xem biểu đồ.", "Fix the errors to see the widget.");
      live.hidden = true;
      return;
    }
    if (needsIndicator(c.widget) && !indicatorSelect.value) {
      if (handle) { handle.destroy(); handle = null; }
      site.text(widgetNote, "Dữ liệu chưa có chỉ tiêu nào.", "The data has no indicator yet.");
      live.hidden = true;
      return;
    }
    widgetNote.textContent = "";
    widgetNote.removeAttribute("data-vi");
    widgetNote.removeAttribute("data-en");
    live.hidden = false;
    var options = {
      widget: c.widget,
      data: textarea.value,
      indicator: needsIndicator(c.widget) ? indicatorSelect.value : undefined,
      variant: c.variant || undefined,
      lang: langSelect.value,
      theme: themeSelect.value
    };
    if (handle) handle.update(options);
    else handle = window.chitieu.mount(live, options);
  }

  // --- wiring ----------------------------------------------------------------------------------
  textarea.addEventListener("input", function () { state.fileName = null; state.sheet = null; schedule(); });
  fileInput.addEventListener("change", function () {
    var f = fileInput.files && fileInput.files[0];
    if (!f) return;
    state.sheet = null;
    if (/\.(xlsx|xlsm|ods)$/i.test(f.name)) {
      f.arrayBuffer().then(function (bytes) {
        state.sheet = { name: f.name, bytes: new Uint8Array(bytes) };
        state.fileName = f.name;
        return check();
      });
      return;
    }
    f.text().then(function (text) {
      textarea.value = text.replace(/^\uFEFF/, "");
      state.fileName = f.name;
      return check();
    });
  });
  ["json", "csv", "xlsx"].forEach(function (to) {
    document.getElementById("download-" + to).addEventListener("click", function () { download(to); });
  });
  document.getElementById("reset").addEventListener("click", function () {
    state.sheet = null;
    textarea.value = template;
    state.fileName = null;
    check();
  });
  [widgetSelect, indicatorSelect, themeSelect, langSelect].forEach(function (s) {
    s.addEventListener("change", render);
  });
  site.onLang(function (lang) {
    langSelect.value = lang;
    // Checked again for the messages in the new language; it fills the indicators and
    // draws the widget again too.
    check();
  });

  fetch("template.csv").then(function (r) {
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.text();
  }).then(function (text) {
    template = text.replace(/^\uFEFF/, "");
    if (!textarea.value) textarea.value = template;
    return check();
  }, function () {
    site.text(summary, "Không tải được tệp mẫu template.csv; hãy dán dữ liệu của bạn.", "Could not load the sample template.csv; paste your data.");
  });
})();
