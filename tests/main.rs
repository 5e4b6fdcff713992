//! seedline's integration tests: one binary, one module per area.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod app_screens;
mod architecture;
mod audit_rows;
mod boundaries;
mod cli;
mod cli_portfolio;
mod common;
mod csv;
mod demo;
mod first_run;
mod journey_own_data;
mod list_head;
mod officers;
mod outcomes;
mod outcomes_journey;
mod portfolio;
mod programs;
mod project_one;
mod project_tui;
mod pty;
mod pty_drafts;
mod reference;
mod reliability;
mod reliability_db;
mod reliability_files;
mod reliability_input;
mod retire;
mod runtime;
mod soft_delete;
mod store;
mod tui_workflow;
mod ui;
mod ui_portfolio;
mod workflow;
