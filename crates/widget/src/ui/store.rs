//! The one reducer's Yew wrapper: the state and its transitions are the core's `ViewState::apply`.

use std::rc::Rc;

use ice_matrix_core::state::{Action, ViewState};
use yew::prelude::*;

#[derive(PartialEq)]
pub struct Store(pub ViewState);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.0.apply(action) {
            Some(next) => Rc::new(Store(next)),
            None => self,
        }
    }
}

pub type Dispatch = UseReducerDispatcher<Store>;

/// A callback that sends `action`, whatever the event: `onclick={send(&d, Action::Reset)}`.
pub fn send<E>(dispatch: &Dispatch, action: Action) -> Callback<E> {
    let d = dispatch.clone();
    Callback::from(move |_: E| d.dispatch(action))
}
