//! Files the user opens and saves: everything stays on their machine (a Blob and an object
//! URL to save, the File API to open).

use chrono::NaiveDateTime;
use cinplan_core::ics::timeline_to_ics;
use cinplan_core::plan::Plan;
use cinplan_core::profile::Profile;
use cinplan_core::timeline::timeline;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not prepare the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not prepare the file".to_owned())?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser could not start the download".to_owned())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| "the page has no body".to_owned())?;
    // Firefox only follows a download link that is in the document.
    let _ = body.append_child(&anchor);
    anchor.click();
    let _ = body.remove_child(&anchor);
    // Revoke later: revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// The first file chosen in a file input, with its name.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files().and_then(|files| files.get(0))
}

/// Reads a chosen file as text.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("the browser could not read \"{}\"", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("\"{}\" is not a text file", file.name()))
}

/// A file name made from free text: letters, digits and dashes only.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for character in text.trim().chars() {
        if character.is_alphanumeric() {
            slug.extend(character.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "plan".to_owned()
    } else {
        slug
    }
}

/// The timeline of the plan `plan_json` (with its profile, `profile_json`, on `today`,
/// `YYYY-MM-DD`) as an iCalendar file made at `stamp`. Called only from the views module
/// (`timelineIcs` in views_main.rs), so that the calendar writer is in that module and not
/// in the editor's first download: the editor asks for the file when its button is pressed.
pub fn timeline_ics(
    plan_json: &str,
    profile_json: &str,
    today: &str,
    stamp: NaiveDateTime,
) -> Result<String, String> {
    let plan = Plan::from_json(plan_json).map_err(|error| error.to_string())?;
    let profile = Profile::from_json(profile_json).map_err(|error| error.to_string())?;
    let today = cinplan_core::date_words::parse_iso(today)
        .map_err(|_| format!("today's date \"{today}\" is not YYYY-MM-DD"))?;
    Ok(timeline_to_ics(
        &plan,
        &timeline(&plan, &profile, today),
        stamp,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slug("Tommy O'Brien"), "tommy-o-brien");
        assert_eq!(slug("  "), "plan");
        assert_eq!(slug("Zoë 2"), "zoë-2");
    }

    /// What the views module makes for the editor's button: the same file as the core's
    /// writer gives for the plan's timeline, the profile read from the editor's JSON of it.
    #[test]
    fn the_timeline_file_is_the_cores_for_the_plan_and_profile_given() {
        let plan_json = include_str!("../../crates/cinplan-core/tests/fixtures/tommy-good.json");
        let plan = Plan::from_json(plan_json).unwrap_or_else(|error| panic!("{error}"));
        let profile = Profile::default_profile();
        let profile_json = serde_json::to_string(&profile).unwrap_or_default();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let stamp = today.and_hms_opt(9, 30, 0).unwrap_or_default();
        let made = timeline_ics(plan_json, &profile_json, "2026-11-23", stamp);
        let expected = timeline_to_ics(&plan, &timeline(&plan, &profile, today), stamp);
        assert!(expected.contains("BEGIN:VEVENT"), "the fixture has dates");
        assert_eq!(made, Ok(expected));
    }

    #[test]
    fn a_bad_day_or_file_is_said_not_thrown() {
        let profile_json = serde_json::to_string(&Profile::default_profile()).unwrap_or_default();
        let stamp = NaiveDateTime::default();
        let bad_day = timeline_ics(
            &Plan::new_blank().to_json(),
            &profile_json,
            "23/11/2026",
            stamp,
        );
        assert_eq!(
            bad_day,
            Err("today's date \"23/11/2026\" is not YYYY-MM-DD".to_owned())
        );
        assert!(timeline_ics("{", &profile_json, "2026-11-23", stamp).is_err());
        assert!(timeline_ics(&Plan::new_blank().to_json(), "[]", "2026-11-23", stamp).is_err());
    }
}
