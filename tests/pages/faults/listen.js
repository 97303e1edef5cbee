// Records, for the fault-injection tests, what reaches the host page: uncaught errors,
// unhandled promise rejections, and the widgets' chitieu:error / chitieu:ready events.
// Loaded before chitieu.js, so it hears everything from the start.
window.__uncaught = [];
window.__chitieuErrors = [];
window.__chitieuReady = [];
window.addEventListener("error", function (e) {
  // Resource errors (a broken <img>) do not bubble to window; these are script errors.
  window.__uncaught.push("error: " + (e.message || String(e.error)));
});
window.addEventListener("unhandledrejection", function (e) {
  var r = e.reason;
  window.__uncaught.push("unhandledrejection: " + (r && r.message ? r.message : String(r)));
});
document.addEventListener("chitieu:error", function (e) {
  window.__chitieuErrors.push({ id: e.target.id, message: e.detail && e.detail.message });
});
document.addEventListener("chitieu:ready", function (e) {
  window.__chitieuReady.push(e.target.id);
});
