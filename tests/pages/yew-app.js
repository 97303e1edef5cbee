// Starts the example yew application (crates/chitieu-widgets/examples/yew_app.rs).
import init from "/dist/examples/yew-app/yew_app.js";
init();
