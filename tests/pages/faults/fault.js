// Builds the widget under test (#bad) from the query string, so each fault-injection
// test opens a page with exactly one fault on it, next to healthy widgets:
//   fault.html?src=data/zero-denominator.json&indicator=x      <chitieu-gauge id="bad" …>
//   fault.html?widget=table&src=…&level=country                <chitieu-table id="bad" …>
//   fault.html?tag=div&widget=gauge&src=…                       <div data-chitieu="gauge" data-src=…>
// Every other parameter becomes an attribute (data-* on a div).
// Without a query string the page has only the healthy widgets (tests add their own).
(function () {
  var q = new URLSearchParams(location.search);
  if (!location.search) return;
  var widget = q.get("widget") || "gauge";
  var div = q.get("tag") === "div";
  var el = document.createElement(div ? "div" : "chitieu-" + widget);
  el.id = "bad";
  if (div) el.setAttribute("data-chitieu", widget);
  q.forEach(function (value, name) {
    if (name !== "tag" && name !== "widget") el.setAttribute((div ? "data-" : "") + name, value);
  });
  document.getElementById("under-test").appendChild(el);
})();
