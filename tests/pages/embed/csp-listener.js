// Records CSP violations and uncaught errors for the tests (an external file: the CSP
// page allows no inline script).
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
