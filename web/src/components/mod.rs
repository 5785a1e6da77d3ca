//! The editor's components, one per file.

pub mod action_row;
pub mod announcer;
pub mod arrangements;
pub mod checks_panel;
pub mod child_view;
pub mod family_view;
pub mod finding_popover;
pub mod mark_list;
pub mod need_group;
pub mod notices;
pub mod plain_words;
pub mod plan_details;
pub mod plan_list;
pub mod plan_table;
pub mod print_sheet;
pub mod records;
pub mod review_view;
pub mod smart_badges;
pub mod text_field;
pub mod timeline_chart;
pub mod timeline_list;
pub mod timeline_section;
pub mod toolbar;
pub mod training_view;
pub mod view_switcher;
pub mod views_section;
