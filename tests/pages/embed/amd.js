// An AMD loader is on the page, as on many old CMSes.
window.define = function () { window.__amdCalls = (window.__amdCalls || 0) + 1; };
window.define.amd = {};
