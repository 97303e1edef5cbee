//! The yew component library: the widgets as yew function components, for Rust and yew
//! applications. Each renders the same markup function as the script-tag bundle and
//! `chitieu render` (through [`to_yew`]), so the three hosts cannot drift apart; the
//! interactive widgets keep their state machine in a hook and route the DOM events of
//! their markup (`data-act`) to it.

use yew::prelude::*;

use crate::markup::to_yew;
use crate::{BulletProps, GaugeProps, ScorecardProps};

/// The gauge (see [`crate::gauge`]).
#[function_component(Gauge)]
pub fn gauge(p: &GaugeProps) -> Html {
    to_yew(&crate::gauge::render(p))
}

/// The bullet chart (see [`crate::bullet`]).
#[function_component(Bullet)]
pub fn bullet(p: &BulletProps) -> Html {
    to_yew(&crate::bullet::render(p))
}

/// The scorecard (see [`crate::scorecard`]).
#[function_component(Scorecard)]
pub fn scorecard(p: &ScorecardProps) -> Html {
    to_yew(&crate::scorecard::render(p))
}
