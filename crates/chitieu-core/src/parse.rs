//! Target sentence parser (in progress).
