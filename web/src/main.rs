//! Mounts the editor; everything else is in the library.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cinplan_web::App);
    // The plan is on screen: now fetch the module with the family view, the child's
    // version, the review and training, as the last part of loading the page. Nothing is
    // fetched after this, so those views open at once and work with the connection gone.
    cinplan_web::components::lazy_view::prefetch_views();
}
