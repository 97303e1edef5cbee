// What the table benchmarks share (tests/bench/table.html for chitieu, datatables.html for
// DataTables), so both libraries show the same indicators and are timed the same way.
//
// benchTableData(n): a `chitieu/1` dataset of n generated indicators (five pillars, three
// levels, four yearly results each, one in eleven without results).
// benchTimed(observed, layout, act, changed): an interaction's cost on the main thread.
(function () {
  var WORDS = ["hồ sơ công việc", "dịch vụ công trực tuyến", "thanh toán không dùng tiền mặt",
    "chữ ký số", "hóa đơn điện tử", "cáp quang", "điện thoại thông minh", "kinh tế số"];
  var LEVELS = ["province", "district", "commune"];

  window.benchTableData = function (n) {
    var indicators = [];
    for (var i = 0; i < n; i++) {
      var obs = [];
      for (var y = 2021; y <= 2024; y++) obs.push({ period: String(y), value: (i * 7 + y * 13) % 100 });
      indicators.push({
        id: "ct-" + i, pillar: "tru-cot-" + (i % 5),
        name: { vi: "Tỷ lệ " + WORDS[i % WORDS.length] + " số " + i, en: "Indicator " + i },
        unit: "percent", level: LEVELS[i % 3],
        targets: [{ text: "Trên " + (50 + i % 50) + "% " + WORDS[i % WORDS.length], op: "gt", value: 50 + i % 50, deadline: "2025" }],
        observations: i % 11 === 0 ? [] : obs
      });
    }
    var pillars = [];
    for (var k = 0; k < 5; k++) pillars.push({ id: "tru-cot-" + k, name: { vi: "Trụ cột " + k, en: "Pillar " + k } });
    return { schema: "chitieu/1", plan: { id: "bench", title: "Bảng " + n + " chỉ tiêu" }, as_of: "2024-12-31", pillars: pillars, indicators: indicators };
  };

  // Performs `act` and resolves to { work, paint } in milliseconds. work: from the input to
  // the table changed and laid out (script, style and layout; `changed()` is checked at once
  // and after every mutation under `observed`, so nothing is timed early, then `layout()`
  // forces the layout); paint: the latency to the next paint, which also waits for the frame.
  window.benchTimed = function (observed, layout, act, changed) {
    return new Promise(function (resolve, reject) {
      var t0 = performance.now();
      act();
      function settle(work) {
        requestAnimationFrame(function () {
          var ch = new MessageChannel();
          ch.port1.onmessage = function () { resolve({ work: work, paint: performance.now() - t0 }); };
          ch.port2.postMessage(0);
        });
      }
      function measureNow() {
        layout();
        return performance.now() - t0;
      }
      if (changed()) return settle(measureNow());
      var mo = new MutationObserver(function () {
        if (!changed()) return;
        mo.disconnect();
        settle(measureNow());
      });
      mo.observe(observed, { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(function () { mo.disconnect(); reject(new Error("the table did not change")); }, 20000);
    });
  };
})();
