// Relative asset URLs, so the built app can be served from any folder.
export default { base: "./", build: { target: "es2020" } };
