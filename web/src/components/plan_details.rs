use cinplan_core::calendar::Region;
use cinplan_core::plan::{PlanKind, Role};
use cinplan_core::profile::Profile;
use leptos::html;
use leptos::prelude::*;

use crate::components::date_input::DateInput;
use crate::files;
use crate::state::{use_editor, NoticeKind};

/// The plan's details: the child, the lead professional, the kind of plan, the region
/// (whose bank holidays count), the profile (local standards, or a profile file), and the
/// key dates the timeline counts from.
#[component]
pub fn PlanDetails() -> impl IntoView {
    let editor = use_editor();

    let child_name = move || editor.form.with(|plan| plan.child.name.clone());
    let lead_name = move || {
        editor.form.with(|plan| {
            plan.lead_professional
                .as_ref()
                .map(|lead| lead.name.clone())
                .unwrap_or_default()
        })
    };
    let lead_role = move || {
        editor.form.with(|plan| {
            role_id(
                plan.lead_professional
                    .as_ref()
                    .map(|lead| lead.role)
                    .unwrap_or_default(),
            )
        })
    };
    let kind = move || {
        editor.form.with(|plan| match plan.kind {
            PlanKind::ChildInNeed => "child-in-need",
            PlanKind::ChildProtection => "child-protection",
        })
    };
    let region = move || editor.form.with(|plan| plan.region.id());
    let profile = move || editor.form.with(|plan| plan.profile.clone());

    let profile_input: NodeRef<html::Input> = NodeRef::new();
    let load_profile = move |_| {
        let Some(input) = profile_input.get_untracked() else {
            return;
        };
        let Some(file) = files::chosen_file(&input) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let name = file.name();
            match files::read_text(&file).await {
                Ok(text) => match Profile::from_json(&text) {
                    Ok(profile) => {
                        let id = profile.id.clone();
                        let title = profile.name.clone();
                        editor.add_profile(profile, text);
                        editor.edit(|plan| plan.profile = id);
                        editor.show_notice(
                            NoticeKind::Success,
                            format!("Profile \"{title}\" loaded"),
                            "The plan is now checked against it. It stays available in this browser.",
                        );
                    }
                    Err(error) => editor.show_notice(
                        NoticeKind::Problem,
                        format!("\"{name}\" cannot be used as a profile"),
                        format!("{error}. The plan's profile is unchanged."),
                    ),
                },
                Err(error) => editor.show_notice(
                    NoticeKind::Problem,
                    "The profile file could not be read",
                    error,
                ),
            }
        });
    };

    view! {
        <section class="panel details" id="details" aria-labelledby="details-title">
            <h2 id="details-title">"Plan details"</h2>
            <div class="groups">
            <fieldset class="group">
                <legend>"Child"</legend>
                <div class="inline-fields">
                    <div class="control">
                        <label for="f-child-name">"Child's name"</label>
                        <input
                            id="f-child-name"
                            class="input"
                            type="text"
                            autocomplete="off"
                            data-testid="child-name"
                            prop:value=child_name
                            on:input=move |event| editor.type_text("/child/name", event_target_value(&event))
                        />
                    </div>
                    <DateInput
                        id="f-child-date_of_birth"
                        label="Date of birth"
                        get=|plan| plan.child.date_of_birth
                        set=|plan, date| plan.child.date_of_birth = date
                    />
                </div>
            </fieldset>
            <fieldset class="group">
                <legend>"Lead professional"</legend>
                <div class="inline-fields">
                    <div class="control">
                        <label for="f-lead_professional-name">"Name"</label>
                        <input
                            id="f-lead_professional-name"
                            class="input"
                            type="text"
                            autocomplete="off"
                            prop:value=lead_name
                            on:input=move |event| editor.type_text("/lead_professional/name", event_target_value(&event))
                        />
                    </div>
                    <div class="control">
                        <label for="f-lead_professional-role">"Role"</label>
                        <select
                            id="f-lead_professional-role"
                            class="select"
                            on:change=move |event| {
                                let role = role_from_id(&event_target_value(&event));
                                editor.edit(|plan| plan.lead_professional.get_or_insert_with(Default::default).role = role);
                            }
                        >
                            {ROLES.iter().map(|(role, label)| {
                                let id = role_id(*role);
                                view! {
                                    <option value=id prop:selected=move || lead_role() == id>{*label}</option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                </div>
            </fieldset>
            </div>
            <fieldset class="group">
                <legend>"Plan"</legend>
                <div class="inline-fields">
                    <div class="control">
                        <label for="f-kind">"Type of plan"</label>
                        <select
                            id="f-kind"
                            class="select"
                            on:change=move |event| {
                                let kind = if event_target_value(&event) == "child-protection" {
                                    PlanKind::ChildProtection
                                } else {
                                    PlanKind::ChildInNeed
                                };
                                editor.edit(|plan| plan.kind = kind);
                            }
                        >
                            <option value="child-in-need" prop:selected=move || kind() == "child-in-need">
                                "Child in need (section 17)"
                            </option>
                            <option value="child-protection" prop:selected=move || kind() == "child-protection">
                                "Child protection (section 47)"
                            </option>
                        </select>
                    </div>
                    <div class="control">
                        <label for="f-region">"Region"</label>
                        <select
                            id="f-region"
                            class="select"
                            data-testid="region"
                            aria-describedby="f-region-hint"
                            on:change=move |event| {
                                if let Some(region) = Region::from_id(&event_target_value(&event)) {
                                    editor.edit(|plan| plan.region = region);
                                }
                            }
                        >
                            {Region::ALL.iter().map(|choice| { let choice_id = choice.id(); view! {
                                <option value=choice_id prop:selected=move || region() == choice_id>{region_label(*choice)}</option>
                            }}).collect_view()}
                        </select>
                        <p class="control-hint" id="f-region-hint">"Whose bank holidays count as non-working days."</p>
                    </div>
                    <div class="control">
                        <label for="f-profile">"Profile"</label>
                        <select
                            id="f-profile"
                            class="select"
                            data-testid="profile"
                            aria-describedby="f-profile-hint"
                            on:change=move |event| {
                                let id = event_target_value(&event);
                                editor.edit(|plan| plan.profile = id);
                            }
                        >
                            {move || {
                                let mut choices = editor.profile_choices();
                                let current = profile();
                                if !choices.iter().any(|(id, _)| *id == current) {
                                    choices.push((current.clone(), format!("{current} (not available: default used)")));
                                }
                                choices.into_iter().map(|(id, name)| {
                                    let selected = id == current;
                                    view! { <option value=id selected=selected>{name}</option> }
                                }).collect_view()
                            }}
                        </select>
                        <p class="control-hint" id="f-profile-hint">"The practice standards the plan is checked against."</p>
                        <input
                            type="file"
                            id="profile-file"
                            class="visually-hidden"
                            accept=".json,application/json"
                            tabindex="-1"
                            aria-hidden="true"
                            data-testid="profile-file"
                            node_ref=profile_input
                            on:change=load_profile
                        />
                        <button
                            type="button"
                            class="button button-small button-secondary"
                            on:click=move |_| {
                                if let Some(input) = profile_input.get_untracked() {
                                    input.click();
                                }
                            }
                        >
                            "Load a profile file…"
                        </button>
                    </div>
                </div>
            </fieldset>
            <fieldset class="group">
                <legend>"Key dates"</legend>
                <div class="inline-fields dates">
                    <DateInput
                        id="f-dates-assessment_completed"
                        label="Assessment completed"
                        get=|plan| plan.dates.assessment_completed
                        set=|plan, date| plan.dates.assessment_completed = date
                    />
                    <DateInput
                        id="f-dates-allocated"
                        label="Allocated to the lead professional"
                        get=|plan| plan.dates.allocated
                        set=|plan, date| plan.dates.allocated = date
                    />
                    <DateInput
                        id="f-dates-planning_meeting"
                        label="Planning meeting"
                        testid="date-planning_meeting"
                        get=|plan| plan.dates.planning_meeting
                        set=|plan, date| plan.dates.planning_meeting = date
                    />
                    <DateInput
                        id="f-dates-plan_circulated"
                        label="Plan sent to the family"
                        get=|plan| plan.dates.plan_circulated
                        set=|plan, date| plan.dates.plan_circulated = date
                    />
                    <DateInput
                        id="f-dates-first_review"
                        label="First review"
                        testid="date-first_review"
                        get=|plan| plan.dates.first_review
                        set=|plan, date| plan.dates.first_review = date
                    />
                </div>
            </fieldset>
        </section>
    }
}

const ROLES: [(Role, &str); 6] = [
    (Role::SocialWorker, "Social worker"),
    (Role::KeyWorker, "Key worker"),
    (Role::SeniorPractitioner, "Senior practitioner"),
    (Role::TeamManager, "Team manager"),
    (Role::Sswop, "Senior social work oversight practitioner"),
    (Role::Other, "Other"),
];

pub fn role_id(role: Role) -> &'static str {
    match role {
        Role::SocialWorker => "social-worker",
        Role::KeyWorker => "key-worker",
        Role::SeniorPractitioner => "senior-practitioner",
        Role::TeamManager => "team-manager",
        Role::Sswop => "sswop",
        Role::Other => "other",
    }
}

pub fn role_from_id(id: &str) -> Role {
    ROLES
        .iter()
        .map(|(role, _)| *role)
        .find(|role| role_id(*role) == id)
        .unwrap_or_default()
}

/// The role choices as `<option>`s, `current` selected.
pub fn role_options(current: Role) -> impl IntoView {
    ROLES
        .iter()
        .map(|(role, label)| {
            view! { <option value=role_id(*role) selected=*role == current>{*label}</option> }
        })
        .collect_view()
}

fn region_label(region: Region) -> &'static str {
    match region {
        Region::EnglandAndWales => "England and Wales",
        Region::Scotland => "Scotland",
        Region::NorthernIreland => "Northern Ireland",
    }
}
