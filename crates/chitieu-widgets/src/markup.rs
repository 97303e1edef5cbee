//! Markup as data: what every widget's view returns.
//!
//! A view is a pure function from (dataset, scores, options, UI state) to a [`Node`]
//! tree. The tree is written out once, by [`Node::write_html`], which is the one place
//! where text and attribute values are escaped: data can never become markup, whichever
//! host shows it. The hosts are the script-tag bundle (the string goes into the shadow root
//! and is morphed into the DOM there), `chitieu render` (the string is the output) and the
//! yew component library (the tree becomes yew's virtual DOM, feature `yew`).
//!
//! Tag and attribute names are `&'static str`: they come from the widgets' code, never
//! from data.

/// An element or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    El(Box<El>),
    Text(String),
    /// Several nodes without an element around them.
    List(Vec<Node>),
}

/// An element: tag, attributes in the order given, children.
#[derive(Debug, Clone, PartialEq)]
pub struct El {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

/// What an action did to an interactive widget (the table, the trend), for its host.
///
/// Markup names its actions: an element with `data-act="name"` sends `(name, value)` to
/// the widget's `act` — a button on click (value: its `data-arg`), a `<select>` on change
/// and an `<input>` on input (value: theirs). Trend points (`data-point="i"`) send
/// `("focus", i)` when focused and `("key", "i Key")` on a key press. An element with
/// `data-select` fires `chitieu:select` on click, Enter or Space, with `data-indicator`
/// and `data-period`, without asking the widget.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The state changed: render again.
    pub changed: bool,
    /// A CSS selector (inside the widget) of the element to focus after rendering.
    pub focus: Option<String>,
    /// Also scroll that element's top into view (a new page of the table starts at its
    /// top; reading goes on from there). Focus alone would not scroll an element that is
    /// partly on screen.
    pub scroll: bool,
    /// The event was handled (a key press then does not scroll the page).
    pub handled: bool,
}

/// HTML elements that have no end tag (the ones the widgets use).
const VOID: [&str; 3] = ["input", "br", "img"];

/// A new element.
pub fn el(tag: &'static str) -> El {
    El {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// A text node.
pub fn text(s: impl Into<String>) -> Node {
    Node::Text(s.into())
}

/// Nothing: an empty list, for views that may show nothing.
pub fn none() -> Node {
    Node::List(Vec::new())
}

impl El {
    /// Adds an attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> El {
        self.attrs.push((name, value.into()));
        self
    }

    /// Adds an attribute when there is a value.
    pub fn attr_opt<S: Into<String>>(self, name: &'static str, value: Option<S>) -> El {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// Adds the `class` attribute.
    pub fn class(self, value: impl Into<String>) -> El {
        self.attr("class", value)
    }

    /// Adds a child (an element, a text, or a list).
    pub fn child(mut self, node: impl Into<Node>) -> El {
        self.children.push(node.into());
        self
    }

    /// Adds a child when there is one.
    pub fn child_opt(self, node: Option<impl Into<Node>>) -> El {
        match node {
            Some(n) => self.child(n),
            None => self,
        }
    }

    /// Adds every node of `nodes`.
    pub fn children<N: Into<Node>>(mut self, nodes: impl IntoIterator<Item = N>) -> El {
        self.children.extend(nodes.into_iter().map(Into::into));
        self
    }

    /// Adds a text child.
    pub fn text(self, s: impl Into<String>) -> El {
        self.child(Node::Text(s.into()))
    }

    /// The value of attribute `name`, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl From<El> for Node {
    fn from(e: El) -> Node {
        Node::El(Box::new(e))
    }
}

impl From<String> for Node {
    fn from(s: String) -> Node {
        Node::Text(s)
    }
}

impl From<&str> for Node {
    fn from(s: &str) -> Node {
        Node::Text(s.to_string())
    }
}

impl From<Vec<Node>> for Node {
    fn from(v: Vec<Node>) -> Node {
        Node::List(v)
    }
}

impl<N: Into<Node>> From<Option<N>> for Node {
    fn from(o: Option<N>) -> Node {
        o.map(Into::into).unwrap_or_else(none)
    }
}

impl Node {
    /// The markup as HTML (SVG inside HTML), every text and attribute value escaped.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.write_html(&mut out);
        out
    }

    /// Appends the markup to `out`.
    pub fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(s) => escape_into(out, s, false),
            Node::List(v) => v.iter().for_each(|n| n.write_html(out)),
            Node::El(e) => {
                out.push('<');
                out.push_str(e.tag);
                for (k, v) in &e.attrs {
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    escape_into(out, v, true);
                    out.push('"');
                }
                out.push('>');
                if VOID.contains(&e.tag) {
                    return;
                }
                e.children.iter().for_each(|n| n.write_html(out));
                out.push_str("</");
                out.push_str(e.tag);
                out.push('>');
            }
        }
    }

    /// The root element, if the node is one.
    pub fn as_el(&self) -> Option<&El> {
        match self {
            Node::El(e) => Some(e),
            _ => None,
        }
    }
}

/// The markup as yew's virtual DOM, for the yew component library: the same tree, so
/// yew renders (and its server renderer writes) the same markup as [`Node::to_html`].
#[cfg(feature = "yew")]
pub fn to_yew(node: &Node) -> yew::Html {
    use yew::virtual_dom::{VList, VNode, VTag, VText};
    match node {
        Node::Text(s) => VNode::VText(VText::new(s.clone())),
        Node::List(v) => VNode::VList(std::rc::Rc::new(VList::with_children(
            v.iter().map(to_yew).collect(),
            None,
        ))),
        Node::El(e) => {
            let mut tag = VTag::new(e.tag);
            for (k, v) in &e.attrs {
                tag.add_attribute(k, v.clone());
            }
            tag.add_children(e.children.iter().map(to_yew));
            VNode::VTag(std::rc::Rc::new(tag))
        }
    }
}

/// Escapes `&`, `<` and `>` (and `"` in attribute values): the one escaping function.
fn escape_into(out: &mut String, s: &str, attr: bool) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"']) {
        out.push_str(&rest[..i]);
        let c = rest.as_bytes()[i];
        out.push_str(match c {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ if attr => "&quot;",
            _ => "\"",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_so_data_never_becomes_markup() {
        let n: Node = el("p")
            .attr("title", "a \"b\" <c> & d")
            .text("<script>alert(1)</script> & \"q\"")
            .into();
        assert_eq!(
            n.to_html(),
            "<p title=\"a &quot;b&quot; &lt;c&gt; &amp; d\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\"</p>"
        );
    }

    #[test]
    fn void_elements_have_no_end_tag_and_lists_flatten() {
        let n: Node = el("label")
            .child(el("input").attr("type", "search"))
            .child(vec![text("a"), none(), text("b")])
            .child_opt(None::<El>)
            .into();
        assert_eq!(n.to_html(), "<label><input type=\"search\">ab</label>");
    }
}
