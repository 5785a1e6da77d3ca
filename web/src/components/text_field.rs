use cinplan_core::finding::{Finding, Severity};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::mark_list::{MarkList, MARKS_LISTED, MARKS_LISTED_NOTE};
use crate::long_check::LONG_FIELD;
use crate::marks::{self, Segment};
use crate::pointer;
use crate::state::{use_editor, MarkKey};

/// A free-text field of the plan that the core checks as it is typed: a textarea over a
/// highlight layer that marks each finding's range (textareas cannot style text), and
/// the list of findings under it. The highlight layer mirrors the textarea's text and
/// wrapping exactly, so the marks sit under the words they are about.
#[component]
pub fn TextField(
    /// JSON Pointer of the field in the plan ("/needs/0/actions/0/by_when").
    #[prop(into)]
    pointer: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Extra words under the label: what to write here.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The `data-testid` of the textarea.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The field's name, on the wrapper as `data-field`.
    #[prop(optional)]
    field: Option<&'static str>,
    /// Taller box for longer texts.
    #[prop(optional)]
    tall: bool,
) -> impl IntoView {
    let editor = use_editor();
    let id = pointer::element_id(&pointer);
    let hint_id = format!("{id}-hint");
    let status_id = format!("{id}-status");
    let pointer = StoredValue::new(pointer);

    // This field's own text and findings: a keystroke elsewhere in the plan, or a check
    // that left this field's findings as they were, does not wake it.
    let signals = pointer.with_value(|pointer| editor.field(pointer));
    let text = {
        let text = signals.text.clone();
        Memo::new(move |_| text.get())
    };
    let check = signals.check;
    let checked_text = {
        let check = check.clone();
        Memo::new(move |_| check.with(|check| check.text.clone()))
    };
    let findings = Memo::new(move |_| check.with(|check| check.findings.clone()));
    // Findings' ranges refer to the text as checked: while the check has not caught up
    // with the text (a long field waits for a pause in typing), the highlight layer shows
    // no marks rather than wrong ones.
    let current =
        Memo::new(move |_| text.with(|text| checked_text.with(|checked| text == checked)));
    // A long field (a pasted report) scrolls in a box of its own height, and its layer is
    // not redrawn while the check catches up: laying out a megabyte again at each keystroke
    // took the page about a second (measured).
    let long = Memo::new(move |_| text.with(|text| text.len() > LONG_FIELD));

    // The highlight layer is drawn by hand: text nodes and <mark> elements made here, so
    // the user's text is only ever a text node. It is drawn in blocks, one per line of the
    // text (`marks::blocks`), and a check redraws only the blocks whose look it changed: on
    // a long paste, laying out the whole layer again took the page half a second and more
    // at every pause in typing (measured). A long field's stale layer stays as it was, its
    // marks hidden (`field-stale`), until the check comes.
    let mirror_ref: NodeRef<html::Div> = NodeRef::new();
    let textarea_ref: NodeRef<html::Textarea> = NodeRef::new();
    let follow_scroll = move || {
        if let (Some(layer), Some(textarea)) =
            (mirror_ref.get_untracked(), textarea_ref.get_untracked())
        {
            layer.set_scroll_top(textarea.scroll_top());
        }
    };
    let drawn: StoredValue<Vec<DrawnBlock>> = StoredValue::new(Vec::new());
    Effect::new(move |_| {
        let pieces = if current.get() {
            findings.with(|findings| marks::segments(&text.read(), findings))
        } else if long.get() {
            return;
        } else {
            vec![Segment {
                text: text.get(),
                finding: None,
            }]
        };
        let open = editor.open_mark.get();
        let blocks =
            findings.with(|findings| looks(marks::blocks(pieces), findings, open.as_ref()));
        let Some(layer) = mirror_ref.get() else {
            return;
        };
        drawn.update_value(|drawn| redraw_layer(&layer, drawn, blocks));
        follow_scroll();
    });

    let counts = move || {
        findings.with(|findings| {
            let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
            let mut parts = Vec::new();
            for (severity, one, many) in [
                (Severity::Error, "problem", "problems"),
                (Severity::Warning, "warning", "warnings"),
                (Severity::Info, "note", "notes"),
            ] {
                match count(severity) {
                    0 => {}
                    1 => parts.push(format!("{} 1 {one}", marks::severity_icon(severity))),
                    n => parts.push(format!("{} {n} {many}", marks::severity_icon(severity))),
                }
            }
            if findings.len() > MARKS_LISTED {
                parts.push(MARKS_LISTED_NOTE.to_owned());
            }
            parts.join(" · ")
        })
    };
    let has_errors =
        move || findings.with(|findings| findings.iter().any(|f| f.severity == Severity::Error));

    let on_input = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        pointer.with_value(|pointer| editor.type_text(pointer, value));
    };

    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let Some(textarea) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let caret = textarea.selection_end().ok().flatten().unwrap_or(0) as usize;
        // Ctrl+. (Cmd+. on a Mac): help with the marked words at the caret.
        if event.key() == "." && (event.ctrl_key() || event.meta_key()) {
            event.prevent_default();
            let target = findings.with(|findings| {
                marks::at_caret(findings, caret)
                    .or_else(|| findings.first())
                    .map(MarkKey::of)
            });
            if let Some(key) = target {
                focus_mark(editor, key);
            } else {
                editor.announce("No findings in this field.");
            }
            return;
        }
        let in_placeholder_mode = pointer.with_value(|pointer| {
            editor.placeholder_field.read_untracked().as_deref() == Some(pointer)
        });
        if in_placeholder_mode && event.key() == "Tab" && !event.shift_key() {
            if let Some((start, end)) = marks::next_placeholder(&textarea.value(), caret) {
                event.prevent_default();
                let _ = textarea.set_selection_range(start as u32, end as u32);
                return;
            }
            editor.placeholder_field.set(None);
        }
        if event.key() == "Escape" && in_placeholder_mode {
            editor.placeholder_field.set(None);
        }
    };

    // Hovering marked words in the textarea opens their popover: the textarea is on top,
    // so find the mark in the layer beneath that lies under the pointer.
    let on_mousemove = move |event: leptos::ev::MouseEvent| {
        // A stale layer (a long field typed into since its check) has marks of another text.
        if !current.get_untracked() {
            return;
        }
        let Some(layer) = mirror_ref.get() else {
            return;
        };
        let Ok(marks_under) = layer.query_selector_all("mark") else {
            return;
        };
        let mark_at = |index| {
            marks_under
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        };
        let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
        // Marks follow the text, so their boxes go down the page: the first that ends below
        // the pointer is found by halving (a long paste has thousands), and the search
        // stops at the first that starts below it.
        let (mut low, mut high) = (0, marks_under.length());
        while low < high {
            let middle = low + (high - low) / 2;
            if mark_at(middle).is_some_and(|mark| mark.get_bounding_client_rect().bottom() < y) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        for index in low..marks_under.length() {
            let Some(mark) = mark_at(index) else {
                continue;
            };
            if mark.get_bounding_client_rect().top() > y {
                return;
            }
            let rects = mark.get_client_rects();
            for rect_index in 0..rects.length() {
                let Some(rect) = rects.item(rect_index) else {
                    continue;
                };
                if x >= rect.left() && x <= rect.right() && y >= rect.top() && y <= rect.bottom() {
                    let dom_id = mark.get_attribute("data-key").unwrap_or_default();
                    let key = findings.with_untracked(|findings| {
                        findings
                            .iter()
                            .map(MarkKey::of)
                            .find(|key| key.dom_id() == dom_id)
                    });
                    // Hovering never takes over from a popover the user pinned open.
                    let pinned = editor.open_mark_pinned.get_untracked()
                        && editor.open_mark.read_untracked().is_some();
                    if key.is_some() && !pinned && editor.open_mark.get_untracked() != key {
                        editor.open_mark.set(key);
                        editor.open_mark_pinned.set(false);
                    }
                    return;
                }
            }
        }
    };

    let wrapper_ref: NodeRef<html::Div> = NodeRef::new();
    let owns_open_mark = move || {
        editor.open_mark.with_untracked(|open| {
            pointer.with_value(|pointer| open.as_ref().is_some_and(|key| key.pointer == *pointer))
        })
    };
    let on_mouseleave = move |_| {
        if owns_open_mark() && !editor.open_mark_pinned.get_untracked() {
            editor.open_mark.set(None);
        }
    };
    let on_focusout = move |event: leptos::ev::FocusEvent| {
        let next = event
            .related_target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok());
        let stays_inside = wrapper_ref
            .get_untracked()
            .is_some_and(|wrapper| next.is_some_and(|next| wrapper.contains(Some(&next))));
        if !stays_inside && owns_open_mark() {
            editor.open_mark.set(None);
        }
    };

    let described_by = {
        let hint_id = hint_id.clone();
        let status_id = status_id.clone();
        let has_hint = hint.is_some();
        move || {
            if has_hint {
                format!("{hint_id} {status_id}")
            } else {
                status_id.clone()
            }
        }
    };

    view! {
        <div
            class="field"
            class:field-tall=tall
            data-field=field
            node_ref=wrapper_ref
            on:mouseleave=on_mouseleave
            on:focusout=on_focusout
        >
            <label class="field-label" for=id.clone()>
                {label}
            </label>
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id.clone()>{hint}</p> })}
            <div
                class="field-box"
                class:field-stale=move || !current.get()
                class:field-long=move || long.get()
            >
                <div class="mirror" aria-hidden="true" node_ref=mirror_ref></div>
                <textarea
                    id=id.clone()
                    class="field-input"
                    data-testid=testid
                    spellcheck="true"
                    rows="2"
                    aria-describedby=described_by
                    aria-invalid=move || if has_errors() { "true" } else { "false" }
                    prop:value=move || text.get()
                    on:input=on_input
                    on:keydown=on_keydown
                    on:mousemove=on_mousemove
                    on:scroll=move |_| follow_scroll()
                    node_ref=textarea_ref
                ></textarea>
            </div>
            <p class="field-status" id=status_id aria-live="off">
                {counts}
            </p>
            <MarkList
                findings=findings
                text=checked_text
                current=current
                pointer=pointer.get_value()
            />
        </div>
    }
}

/// Opens the popover of `key` and puts the keyboard on its mark.
pub fn focus_mark(editor: crate::state::Editor, key: MarkKey) {
    let id = format!("{}-button", key.dom_id());
    editor.open_mark.set(Some(key));
    editor.open_mark_pinned.set(true);
    request_animation_frame(move || {
        if let Some(button) = document()
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    });
}

/// A piece of the highlight layer as drawn: its text and, for a mark, what it looks like
/// and what it marks.
#[derive(PartialEq)]
struct DrawnPiece {
    text: String,
    mark: Option<DrawnMark>,
}

#[derive(PartialEq)]
struct DrawnMark {
    /// All of its look: the severity's class, and whether its popover is open.
    class: String,
    /// Follows from the class: a block that keeps its look keeps its severities.
    severity: &'static str,
    rule: String,
    key: String,
}

/// One block of the layer (see [`marks::blocks`]), as drawn.
type DrawnBlock = Vec<DrawnPiece>;

/// The blocks as they are to be drawn: each finding's range in a mark carrying its rule,
/// severity and key, and a zero-width space ending the last block, since a trailing newline
/// in a textarea still takes a line and the layer's last line must too.
fn looks(
    blocks: Vec<Vec<Segment>>,
    findings: &[Finding],
    open: Option<&MarkKey>,
) -> Vec<DrawnBlock> {
    let mut drawn: Vec<DrawnBlock> = blocks
        .into_iter()
        .map(|block| {
            block
                .into_iter()
                .map(|piece| DrawnPiece {
                    mark: piece
                        .finding
                        .and_then(|number| findings.get(number))
                        .map(|finding| {
                            let key = MarkKey::of(finding);
                            let open = if open == Some(&key) { " hl-open" } else { "" };
                            DrawnMark {
                                class: format!("hl hl-{}{open}", finding.severity.as_str()),
                                severity: finding.severity.as_str(),
                                rule: finding.rule.clone(),
                                key: key.dom_id(),
                            }
                        }),
                    text: piece.text,
                })
                .collect()
        })
        .collect();
    if let Some(last) = drawn.last_mut() {
        last.push(DrawnPiece {
            text: "\u{200b}".to_owned(),
            mark: None,
        });
    }
    drawn
}

/// Whether two blocks lay out alike: the same pieces of text, marked with the same classes.
fn same_look(drawn: &DrawnBlock, wanted: &DrawnBlock) -> bool {
    drawn.len() == wanted.len()
        && drawn.iter().zip(wanted).all(|(drawn, wanted)| {
            drawn.text == wanted.text
                && drawn.mark.as_ref().map(|mark| &mark.class)
                    == wanted.mark.as_ref().map(|mark| &mark.class)
        })
}

/// Brings the layer from the `drawn` blocks to the `wanted` ones: the blocks that look the
/// same at its start and its end stay (their marks given their findings' rules and keys,
/// which move with the text), and those between are drawn anew.
fn redraw_layer(
    layer: &web_sys::HtmlDivElement,
    drawn: &mut Vec<DrawnBlock>,
    wanted: Vec<DrawnBlock>,
) {
    // The layer holds the blocks alone: its child nodes are their elements.
    let elements = layer.child_nodes();
    if elements.length() as usize != drawn.len() {
        layer.set_text_content(None);
        drawn.clear();
    }
    let kept_before = drawn
        .iter()
        .zip(&wanted)
        .take_while(|(drawn, wanted)| same_look(drawn, wanted))
        .count();
    let kept_after = drawn[kept_before..]
        .iter()
        .rev()
        .zip(wanted[kept_before..].iter().rev())
        .take_while(|(drawn, wanted)| same_look(drawn, wanted))
        .count();
    let (drawn_end, wanted_end) = (drawn.len() - kept_after, wanted.len() - kept_after);
    let kept = (0..kept_before)
        .map(|index| (index, index))
        .chain((0..kept_after).map(|back| (drawn_end + back, wanted_end + back)));
    for (drawn_index, wanted_index) in kept {
        if drawn[drawn_index] != wanted[wanted_index] {
            if let Some(element) = elements.item(drawn_index as u32) {
                relabel_marks(&element, &wanted[wanted_index]);
            }
        }
    }
    let next = elements.item(drawn_end as u32);
    for _ in kept_before..drawn_end {
        if let Some(element) = elements.item(kept_before as u32) {
            let _ = layer.remove_child(&element);
        }
    }
    let document = document();
    for block in &wanted[kept_before..wanted_end] {
        if let Some(element) = draw_block(&document, block) {
            let _ = layer.insert_before(&element, next.as_ref());
        }
    }
    *drawn = wanted;
}

/// Gives the marks of a block drawn before the rules and keys of `wanted`, which looks the same.
fn relabel_marks(element: &web_sys::Node, wanted: &DrawnBlock) {
    let nodes = element.child_nodes();
    for (index, piece) in wanted.iter().enumerate() {
        let (Some(mark), Some(node)) = (&piece.mark, nodes.item(index as u32)) else {
            continue;
        };
        if let Ok(element) = node.dyn_into::<web_sys::Element>() {
            let _ = element.set_attribute("data-rule", &mark.rule);
            let _ = element.set_attribute("data-key", &mark.key);
        }
    }
}

/// A block's element: its text, with each marked piece in a `<mark>` carrying its rule,
/// severity and key.
fn draw_block(document: &web_sys::Document, block: &DrawnBlock) -> Option<web_sys::Node> {
    let element = document.create_element("div").ok()?;
    for piece in block {
        let node: web_sys::Node = match &piece.mark {
            Some(look) => {
                let Ok(mark) = document.create_element("mark") else {
                    continue;
                };
                mark.set_class_name(&look.class);
                let _ = mark.set_attribute("data-rule", &look.rule);
                let _ = mark.set_attribute("data-severity", look.severity);
                let _ = mark.set_attribute("data-key", &look.key);
                mark.set_text_content(Some(&piece.text));
                mark.into()
            }
            None => document.create_text_node(&piece.text).into(),
        };
        let _ = element.append_child(&node);
    }
    Some(element.into())
}
