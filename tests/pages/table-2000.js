// A big target table for tests and timing: builds a `chitieu/1` dataset of `?n=`
// indicators (default 2000) over four pillars and some without, puts it inline (a
// <script type="application/json"> inside the element) into one <chitieu-table id="big">,
// and times the table.
//
// First, unless ?warm=0, a one-indicator gauge is mounted and removed so the wasm is
// downloaded and compiled before the clock starts: the first-render figure is then the
// table's own work (reading and scoring the data, rendering, the paint after it).
//
// `window.table2000` holds the results and two helpers:
//   firstRender  ms from inserting the element to the first paint after `chitieu:ready`
//   sort(col)    click a column's sort button; resolves to ms until the next paint
//   filter(text) type `text` into the search box; resolves to ms until the next paint
// `document.body.dataset.state` is "painted" once firstRender is known; the user-timing
// mark "table2000:insert" and measure "table2000:first-render" show in traces too.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var n = Math.max(0, Math.min(100000, parseInt(params.get("n") || "2000", 10) || 0));

  var pillars = [
    { id: "ha-tang", name: { vi: "Hạ tầng số", en: "Digital infrastructure" } },
    { id: "chinh-quyen", name: { vi: "Chính quyền số", en: "Digital government" } },
    { id: "kinh-te", name: { vi: "Kinh tế số", en: "Digital economy" } },
    { id: "xa-hoi", name: { vi: "Xã hội số", en: "Digital society" } }
  ];
  var levels = ["province", "district", "commune", null];
  var topics = [
    ["Hồ sơ công việc xử lý trên môi trường mạng", "Work files handled online"],
    ["Đường truyền số liệu chuyên dùng", "Dedicated data lines"],
    ["Dịch vụ công trực tuyến toàn trình", "Full online public services"],
    ["Người dân có danh tính số", "People with a digital identity"],
    ["Doanh nghiệp sử dụng hóa đơn điện tử", "Firms using e-invoices"]
  ];

  /** `count` indicators with names that need folding, plan sentences for some targets,
   *  percentages and counts, missing and old data: every status the table can show. */
  function dataset(count) {
    var indicators = [];
    for (var i = 0; i < count; i++) {
      var t = topics[i % topics.length];
      var percent = i % 3 !== 1;
      var target = percent
        ? { op: i % 5 === 0 ? "gt" : "gte", value: 60 + (i % 8) * 5, deadline: String(2024 + (i % 3)) }
        : { op: "gte", value: 1000 + (i % 7) * 100, deadline: "2025" };
      if (i % 4 === 0 && percent) {
        target.text = (target.op === "gt" ? "Trên " : "Tối thiểu ") + target.value + "% " + t[0].toLowerCase();
      }
      var scale = percent ? 100 : 1400;
      var ind = {
        id: "ct-" + i,
        name: { vi: t[0] + " chỉ số " + i, en: t[1] + ", indicator " + i },
        unit: percent ? "percent" : "count",
        targets: [target],
        observations: i % 10 === 3 ? [] : i % 17 === 5
          ? [{ period: "2021", value: (i * 29) % scale }]
          : [
            { period: "2022", value: (i * 37) % scale },
            { period: "2023", value: (i * 53) % scale }
          ]
      };
      if (i % 9 !== 0) ind.pillar = pillars[i % 4].id;
      if (levels[i % 4]) ind.level = levels[i % 4];
      indicators.push(ind);
    }
    return {
      schema: "chitieu/1",
      plan: { id: "lon-" + count, title: "Kế hoạch chuyển đổi số mẫu với " + count.toLocaleString("vi-VN") + " chỉ tiêu" },
      as_of: "2024-06-30",
      pillars: pillars,
      indicators: indicators
    };
  }

  /** Resolves after the next paint: the frame that shows the change, then one more. */
  function painted() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () { requestAnimationFrame(resolve); });
    });
  }

  var result = window.table2000 = {
    n: n,
    firstRender: null,
    dataset: dataset,
    root: function () { return document.getElementById("big").shadowRoot; },
    /** Clicks the sort button of column `col` (a class: c-name, c-level, c-target,
     *  c-deadline, c-latest, c-attainment, c-status). */
    sort: function (col) {
      var button = result.root().querySelector("thead th." + (col || "c-latest") + " button.sort");
      var t0 = performance.now();
      button.click();
      return painted().then(function () { return performance.now() - t0; });
    },
    /** Types `text` into the search box at once (one input event). */
    filter: function (text) {
      var input = result.root().querySelector("input[type=search]");
      var t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
      return painted().then(function () { return performance.now() - t0; });
    }
  };

  function insert() {
    var el = document.createElement("chitieu-table");
    el.id = "big";
    ["lang", "theme"].forEach(function (a) { if (params.get(a)) el.setAttribute(a, params.get(a)); });
    var json = document.createElement("script");
    json.type = "application/json";
    json.textContent = JSON.stringify(dataset(n));
    el.appendChild(json);
    el.addEventListener("chitieu:ready", function () {
      painted().then(function () {
        result.firstRender = performance.measure("table2000:first-render", "table2000:insert").duration;
        document.body.dataset.state = "painted";
      });
    }, { once: true });
    performance.mark("table2000:insert");
    document.getElementById("slot").appendChild(el);
  }

  var warm = document.getElementById("warm");
  if (params.get("warm") === "0") {
    warm.remove();
    insert();
    return;
  }
  warm.addEventListener("chitieu:ready", function () {
    handle.destroy();
    warm.remove();
    insert();
  }, { once: true });
  var handle = window.chitieu.mount(warm, {
    widget: "gauge",
    indicator: "a",
    data: {
      schema: "chitieu/1",
      plan: { id: "warm", title: "warm" },
      indicators: [{ id: "a", name: { vi: "a" }, unit: "percent", targets: [{ op: "gte", value: 1 }] }]
    }
  });
})();
