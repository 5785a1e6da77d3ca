//! Adding, removing and reordering the needs and actions of the plan table. Pure plan
//! edits; each returns where the moved or new row ends up, so focus can follow it.

use cinplan_core::plan::{Action, Need, Plan};

/// Up or down the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Moves an action one row up or down. At the top or bottom of its need it moves into
/// the neighbouring need, so any row can reach any place with the keyboard alone.
/// Returns its new (need, action), or `None` when it cannot move.
pub fn move_action(
    plan: &mut Plan,
    need: usize,
    action: usize,
    direction: Direction,
) -> Option<(usize, usize)> {
    let count = plan.needs.get(need)?.actions.len();
    if action >= count {
        return None;
    }
    match direction {
        Direction::Up if action > 0 => {
            plan.needs.get_mut(need)?.actions.swap(action, action - 1);
            Some((need, action - 1))
        }
        Direction::Up if need > 0 => {
            let moved = plan.needs.get_mut(need)?.actions.remove(action);
            let target = plan.needs.get_mut(need - 1)?;
            target.actions.push(moved);
            Some((need - 1, target.actions.len() - 1))
        }
        Direction::Down if action + 1 < count => {
            plan.needs.get_mut(need)?.actions.swap(action, action + 1);
            Some((need, action + 1))
        }
        Direction::Down if need + 1 < plan.needs.len() => {
            let moved = plan.needs.get_mut(need)?.actions.remove(action);
            plan.needs.get_mut(need + 1)?.actions.insert(0, moved);
            Some((need + 1, 0))
        }
        _ => None,
    }
}

/// Inserts an empty action after `after` (or first, for `None`). Returns its position.
pub fn add_action(plan: &mut Plan, need: usize, after: Option<usize>) -> Option<(usize, usize)> {
    let actions = &mut plan.needs.get_mut(need)?.actions;
    let at = after.map_or(0, |after| (after + 1).min(actions.len()));
    actions.insert(at, Action::default());
    Some((need, at))
}

/// Removes an action. Returns the position the keyboard should go to next.
pub fn remove_action(plan: &mut Plan, need: usize, action: usize) -> Option<(usize, usize)> {
    let actions = &mut plan.needs.get_mut(need)?.actions;
    if action >= actions.len() {
        return None;
    }
    actions.remove(action);
    Some((need, action.min(actions.len().saturating_sub(1))))
}

/// Inserts a need with one empty action after `after` (or first). Returns its index.
pub fn add_need(plan: &mut Plan, after: Option<usize>) -> usize {
    let at = after.map_or(0, |after| (after + 1).min(plan.needs.len()));
    plan.needs.insert(
        at,
        Need {
            actions: vec![Action::default()],
            ..Need::default()
        },
    );
    at
}

pub fn remove_need(plan: &mut Plan, need: usize) -> Option<usize> {
    if need >= plan.needs.len() {
        return None;
    }
    plan.needs.remove(need);
    Some(need.min(plan.needs.len().saturating_sub(1)))
}

pub fn move_need(plan: &mut Plan, need: usize, direction: Direction) -> Option<usize> {
    let target = match direction {
        Direction::Up => need.checked_sub(1)?,
        Direction::Down => need + 1,
    };
    if target >= plan.needs.len() || need >= plan.needs.len() {
        return None;
    }
    plan.needs.swap(need, target);
    Some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(shape: &[&[&str]]) -> Plan {
        let mut plan = Plan::new_blank();
        plan.needs = shape
            .iter()
            .map(|actions| Need {
                actions: actions
                    .iter()
                    .map(|name| Action {
                        action: (*name).to_owned(),
                        ..Action::default()
                    })
                    .collect(),
                ..Need::default()
            })
            .collect();
        plan
    }

    fn shape(plan: &Plan) -> Vec<Vec<String>> {
        plan.needs
            .iter()
            .map(|need| need.actions.iter().map(|a| a.action.clone()).collect())
            .collect()
    }

    #[test]
    fn moving_within_a_need_swaps() {
        let mut p = plan(&[&["a", "b"]]);
        assert_eq!(move_action(&mut p, 0, 1, Direction::Up), Some((0, 0)));
        assert_eq!(shape(&p), [["b", "a"]]);
    }

    #[test]
    fn moving_past_the_edge_crosses_into_the_next_need() {
        let mut p = plan(&[&["a", "b"], &["c"]]);
        assert_eq!(move_action(&mut p, 0, 1, Direction::Down), Some((1, 0)));
        assert_eq!(shape(&p), vec![vec!["a"], vec!["b", "c"]]);
        assert_eq!(move_action(&mut p, 1, 0, Direction::Up), Some((0, 1)));
        assert_eq!(shape(&p), vec![vec!["a", "b"], vec!["c"]]);
    }

    #[test]
    fn the_first_and_last_rows_stay_put() {
        let mut p = plan(&[&["a"], &["b"]]);
        assert_eq!(move_action(&mut p, 0, 0, Direction::Up), None);
        assert_eq!(move_action(&mut p, 1, 0, Direction::Down), None);
        assert_eq!(move_action(&mut p, 4, 0, Direction::Down), None);
    }

    #[test]
    fn adding_and_removing_rows() {
        let mut p = plan(&[&["a", "b"]]);
        assert_eq!(add_action(&mut p, 0, Some(0)), Some((0, 1)));
        assert_eq!(shape(&p), [["a", "", "b"]]);
        assert_eq!(remove_action(&mut p, 0, 2), Some((0, 1)));
        assert_eq!(shape(&p), [["a", ""]]);
        assert_eq!(remove_action(&mut p, 0, 5), None);
    }

    #[test]
    fn needs_come_with_one_action_ready() {
        let mut p = plan(&[&["a"]]);
        assert_eq!(add_need(&mut p, Some(0)), 1);
        assert_eq!(p.needs[1].actions.len(), 1);
        assert_eq!(move_need(&mut p, 1, Direction::Up), Some(0));
        assert_eq!(shape(&p), vec![vec![""], vec!["a"]]);
        assert_eq!(remove_need(&mut p, 0), Some(0));
        assert_eq!(shape(&p), vec![vec!["a"]]);
        assert_eq!(move_need(&mut p, 0, Direction::Up), None);
    }
}
