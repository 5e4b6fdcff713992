//! The state machine alone, screen by screen: an `App` built from plain data (no database, no
//! store, no files), keys looked up in the default keymap as the runtime does, and assertions on
//! the exact effects they ask for and the state they leave. `heights` checks that the content
//! height each screen reports is what its drawing takes.

mod budget;
mod dashboard;
mod detail;
mod due;
mod due_paging;
mod export;
mod forms;
mod funnel;
mod global;
mod heights;
mod history;
mod lineage;
mod links;
mod list;
mod navigation;
mod numbers;
mod outcomes;
mod pi;
mod picker;
mod polish;
mod programs;
mod project_form;
mod radar;
mod refresh;
mod seamless;
mod successor;

mod drawing;
pub use drawing::*;

// Reference data and the dashboard's matrix are model types (plain data, no database).
use seedline::model::{
    DiseaseAreaRef, Headline, IntegratedProjectRef, Matrix, MatrixCell, MatrixOptions, MatrixRow,
    Pivot, Reference,
};

use seedline::Lang;
use seedline::app::keymap::{Key, Keymap};
use seedline::app::{
    Action, App, BudgetState, DashboardData, DetailState, DueState, Effect, FunnelState,
    HistoryState, LinksState, ListState, PiState, Screen,
};
use seedline::model::{
    AttachmentKind, AttachmentView, Author, BudgetPivot, BudgetRow, BudgetRows, Date, DeadlineKind,
    DueItem, DueSource, FiscalYear, Funnel, FunnelStep, HistoryEntry, LicensingStatus, Modality,
    NoteKind, NoteView, Phase, PhaseDurations, PiKey, PiOverview, PiProject, ProjectDetail,
    ProjectRow, Scope,
};
use seedline::ui::{draw, plain::buffer_to_text, theme::Theme};
use std::sync::Arc;

/// The day every test here treats as today (fiscal year 2026).
pub const TODAY: &str = "2026-11-25";
/// The officer of the session ("me").
pub const ME: &str = "山田 花子";

/// Research titles (KAKEN), for rows that look like the real thing.
pub const TITLES: [&str; 12] = [
    "活性汚泥からの亜硝酸ガス（HONO）発生量の定量と発生メカニズムの解明",
    "騒音は生物多様性の重大脅威か？：生息地の分断化との影響比較と相互影響の解明",
    "サービスロボットのための雑音に頑健な音声認識および音声対話の研究",
    "非凸性に基づく統計モデリングと収束保証付き推定アルゴリズム",
    "人工甘味料による骨格筋不全メカニズムの解明および自発運動による改善効果の検討",
    "RSウイルスの乳児での感染拡大を規定する因子に関する研究",
    "疼痛治療新規ターゲットとしての縫線核ドパミンニューロン群",
    "大規模ゲノムコホートによる糖尿病合併症の性特異的遺伝・環境要因の同定",
    "口腔癌に対するがん浸潤ミエロイド系細胞を標的とした複合免疫療法の開発",
    "iPS細胞技術を応用した腱障害新規治療モデルの開発",
    "子宮内膜症のPGC-1αを介した伝達経路の解明と分子標的治療の確立",
    "大腸癌に対する青色LEDの抗腫瘍効果と光受容体の関与についての研究",
];

pub fn today() -> Date {
    seedline::model::parse_date(TODAY).unwrap()
}

/// What the store is asked with: today, me, the default stall threshold.
pub fn scope() -> Scope {
    Scope::new(today(), ME)
}

/// The three integrated projects the dashboard shows (ids 1..=3) and one disease area.
pub fn reference() -> Reference {
    let ip = |id: i64, code: &str, ja: &str, en: &str| IntegratedProjectRef {
        id,
        code: code.into(),
        name_ja: ja.into(),
        name_en: en.into(),
        period: 3,
    };
    Reference {
        integrated_projects: vec![
            ip(
                1,
                "drug",
                "医薬品プロジェクト",
                "Drug Discovery and Development",
            ),
            ip(
                2,
                "device",
                "医療機器・ヘルスケアプロジェクト",
                "Medical Devices and Healthcare",
            ),
            ip(
                3,
                "regen",
                "再生・細胞医療・遺伝子治療プロジェクト",
                "Regenerative, Cell and Gene Therapy",
            ),
        ],
        disease_areas: vec![DiseaseAreaRef {
            id: 1,
            code: "cancer".into(),
            name_ja: "がん".into(),
            name_en: "Cancer".into(),
            parent_id: None,
        }],
        ..Reference::default()
    }
}

/// A new app at 80×24, as the TUI starts it, with a configured officer.
pub fn app() -> App {
    sized(80, 24)
}

/// A new app at `w`×`h`.
pub fn sized(w: u16, h: u16) -> App {
    let (mut app, _) = App::new(Lang::Ja, today(), Arc::new(reference()), Keymap::default());
    app.author = Author::new(Some(ME), Some("PO"), "tester");
    app.update(Action::Resize(w, h));
    app
}

/// A key as the runtime handles it: the keymap's action, then `update`. A key the current
/// screen does not bind fails the test.
pub fn press(app: &mut App, key: Key) -> Vec<Effect> {
    let action = app
        .key_action(key)
        .unwrap_or_else(|| panic!("{key:?} is not bound in {:?}", app.mode()));
    app.update(action)
}

/// Presses keys one after the other; the effects of the last one.
pub fn keys(app: &mut App, keys: &[Key]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys {
        effects = press(app, *key);
    }
    effects
}

pub fn ch(c: char) -> Key {
    Key::Char(c)
}

// ---- screens on top of the stack ----

pub fn list(app: &App) -> &ListState {
    match app.screen() {
        Screen::List(l) => l,
        other => panic!("expected a list, found {other:?}"),
    }
}

pub fn detail_state(app: &App) -> &DetailState {
    match app.screen() {
        Screen::Detail(d) => d,
        other => panic!("expected a detail, found {other:?}"),
    }
}

pub fn due(app: &App) -> &DueState {
    match app.screen() {
        Screen::Due(d) => d,
        other => panic!("expected the due board, found {other:?}"),
    }
}

pub fn history(app: &App) -> &HistoryState {
    match app.screen() {
        Screen::History(h) => h,
        other => panic!("expected a history, found {other:?}"),
    }
}

pub fn budget(app: &App) -> &BudgetState {
    match app.screen() {
        Screen::Budget(b) => b,
        other => panic!("expected the budget pivot, found {other:?}"),
    }
}

pub fn funnel(app: &App) -> &FunnelState {
    match app.screen() {
        Screen::Funnel(f) => f,
        other => panic!("expected the funnel, found {other:?}"),
    }
}

pub fn pi(app: &App) -> &PiState {
    match app.screen() {
        Screen::Pi(p) => p,
        other => panic!("expected a PI overview, found {other:?}"),
    }
}

pub fn links(app: &App) -> &LinksState {
    match app.screen() {
        Screen::Links(l) => l,
        other => panic!("expected the links, found {other:?}"),
    }
}

/// Breadcrumb names of the stack, bottom first.
pub fn crumbs(app: &App) -> Vec<String> {
    app.stack.iter().map(|s| s.name(app.lang)).collect()
}

// ---- plain data ----

pub fn amed_id(id: i64) -> String {
    format!("JP26ck{id:06}")
}

pub fn title(id: i64) -> String {
    TITLES[id as usize % TITLES.len()].to_string()
}

pub fn pi_name(id: i64) -> String {
    ["佐藤 一郎", "鈴木 美咲", "高橋 健"][id as usize % 3].to_string()
}

pub fn institution(id: i64) -> String {
    ["東京大学", "大阪大学", "京都大学"][id as usize % 3].to_string()
}

/// A list row for project `id`.
pub fn row(id: i64) -> ProjectRow {
    ProjectRow {
        id,
        amed_id: amed_id(id),
        title: title(id),
        pi_name: pi_name(id),
        institution: institution(id),
        program_ja: "創薬基盤推進研究事業".into(),
        program_en: "Drug discovery platform".into(),
        phase: Phase::NonClinical,
        modality: Modality::Drug,
        flag: None,
        open_flag: None,
        program_id: 1,
        last_note: Some("2026-10-01".into()),
        follow_up_due: false,
        phase_entered: Some("2025-04-01".into()),
        watched: false,
        highway: None,
        end_date: Some("2027-03-31".into()),
    }
}

pub fn rows(ids: impl IntoIterator<Item = i64>) -> Vec<ProjectRow> {
    ids.into_iter().map(row).collect()
}

/// A note of the detail, newest first by id.
pub fn note(id: i64, body: &str) -> NoteView {
    NoteView {
        id,
        author: ME.into(),
        author_role: "PO".into(),
        kind: NoteKind::Meeting,
        body: body.into(),
        occurred_on: format!("2026-{:02}-15", 1 + id % 10),
        follow_up_on: None,
        follow_up_done: None,
        version: 1,
    }
}

pub fn link(project_id: i64, i: i64) -> AttachmentView {
    AttachmentView {
        id: i,
        project_id,
        note_id: None,
        flag_id: None,
        target: format!("https://example.jp/seeds/{project_id}/doc{i:02}.pdf"),
        label: format!("報告書{i:02}"),
        kind: AttachmentKind::Report,
        dated_on: Some("2026-06-30".into()),
        sha256: None,
        added_by: ME.into(),
        added_at: "2026-07-01T09:00:00".into(),
    }
}

/// A project's detail with a long summary (the notes fall below the first screen), `notes`
/// notes and `links` links.
pub fn project_detail(id: i64, notes: usize, links: usize) -> ProjectDetail {
    let summary = TITLES.join("。");
    ProjectDetail {
        id,
        amed_id: amed_id(id),
        title: title(id),
        summary,
        pi_name: pi_name(id),
        pi_title: "教授".into(),
        institution: institution(id),
        program_id: 1,
        program_ja: "創薬基盤推進研究事業".into(),
        program_en: "Drug discovery platform".into(),
        integrated_project_ja: "医薬品プロジェクト".into(),
        integrated_project_en: "Drug Discovery and Development".into(),
        modality: Modality::Drug,
        phase: Phase::NonClinical,
        start_date: "2024-04-01".into(),
        end_date: Some("2027-03-31".into()),
        budget_total_kyen: Some(120_000),
        partner_company: None,
        licensing_status: LicensingStatus::None,
        updated_at: "2026-10-01T10:00:00".into(),
        version: 3,
        disease_areas: vec![("がん".into(), "Cancer".into())],
        officers: vec![(ME.into(), "PO".into())],
        past_officers: Vec::new(),
        phase_history: Vec::new(),
        gates: Vec::new(),
        flags: Vec::new(),
        outcomes: Vec::new(),
        notes: (0..notes as i64)
            .map(|i| {
                note(
                    900 + i,
                    &format!("{}について面談した。", TITLES[i as usize]),
                )
            })
            .collect(),
        phase_entered: Some("2025-04-01".into()),
        budgets: Vec::new(),
        deadlines: Vec::new(),
        attachments: (1..=links as i64).map(|i| link(id, i)).collect(),
        watched: false,
        lineage: Default::default(),
    }
}

/// Due item `i`: a follow-up of note `500 + i` on project `100 + i`, `late` days overdue.
pub fn due_item(i: i64, late: i64, owner: &str) -> DueItem {
    let due_on = today() - chrono::Days::new(late as u64);
    DueItem {
        source: DueSource::FollowUp(500 + i, NoteKind::Meeting),
        project_id: 100 + i,
        amed_id: amed_id(100 + i),
        title: title(i),
        owners: vec![owner.into()],
        due_on: due_on.to_string(),
        summary: format!("フォローアップ{i}"),
        version: 1,
    }
}

/// A deadline due item (deadline `700 + i`, version 4).
pub fn deadline_item(i: i64, owner: &str) -> DueItem {
    DueItem {
        source: DueSource::Deadline(700 + i, DeadlineKind::AnnualReport),
        version: 4,
        summary: "2026年度".into(),
        ..due_item(i, 0, owner)
    }
}

/// `n` history entries, newest first.
pub fn history_entries(n: usize) -> Vec<HistoryEntry> {
    (0..n)
        .map(|i| HistoryEntry {
            at: format!("2026-11-{:02}T10:{:02}:00", 24 - i % 20, i % 60),
            actor: "tester".into(),
            officer: Some(ME.into()),
            action: "note.add".into(),
            summary: format!("記録{i:02}を追加"),
            detail: serde_json::Value::Null,
            subject: seedline::model::HistorySubject {
                note: Some(format!("記録{i:02}")),
                ..Default::default()
            },
            ..HistoryEntry::default()
        })
        .collect()
}

/// A budget pivot for fiscal years 2020..=2026 with `n` rows.
pub fn budget_pivot(rows_by: BudgetRows, n: usize) -> BudgetPivot {
    let years: Vec<FiscalYear> = (2020..=2026).map(FiscalYear).collect();
    let rows: Vec<BudgetRow> = (0..n)
        .map(|i| {
            let amounts: Vec<i64> = (0..years.len() as i64)
                .map(|y| 1_000 * (i as i64 + 1) + y)
                .collect();
            BudgetRow {
                period: 3,
                code: ["drug", "device", "regen"][i % 3].into(),
                name_ja: format!("行{i:02}"),
                name_en: format!("Row {i:02}"),
                total: amounts.iter().sum(),
                amounts,
            }
        })
        .collect();
    let column_totals: Vec<i64> = (0..years.len())
        .map(|y| rows.iter().map(|r| r.amounts[y]).sum())
        .collect();
    BudgetPivot {
        rows_by,
        total: column_totals.iter().sum(),
        years,
        rows,
        column_totals,
    }
}

/// A funnel of `year` with `n` integrated-project rows.
pub fn funnel_data(year: i32, n: usize) -> Funnel {
    let step = |in_phase: i64, advanced: i64| FunnelStep {
        in_phase,
        advanced,
        median_days: Some(200),
        stays: advanced,
    };
    Funnel {
        year: Some(FiscalYear(year)),
        from: format!("{year}-04-01"),
        to: format!("{}-03-31", year + 1),
        steps: [
            step(40, 10),
            step(30, 8),
            step(20, 5),
            step(10, 2),
            step(4, 0),
        ],
        by_integrated_project: (0..n)
            .map(|i| PhaseDurations {
                period: 3,
                name_ja: format!("統合PJ{i:02}"),
                name_en: format!("IP {i:02}"),
                median_days: [(Some(100 + i as i64), 3); 5],
            })
            .collect(),
        stalled: 3,
    }
}

/// Project `id` of a PI overview.
pub fn pi_project(id: i64) -> PiProject {
    PiProject {
        id,
        amed_id: amed_id(id),
        title: title(id),
        pi_name: pi_name(id),
        institution: institution(id),
        program_ja: "創薬基盤推進研究事業".into(),
        program_en: "Drug discovery platform".into(),
        phase: Phase::Applied,
        start_date: "2024-04-01".into(),
        end_date: Some("2027-03-31".into()),
        budget_total_kyen: Some(30_000),
        allocated_kyen: 30_000,
        budget_this_year_kyen: 10_000,
        active: true,
        overlaps: false,
    }
}

pub fn pi_overview(key: PiKey, ids: impl IntoIterator<Item = i64>) -> PiOverview {
    let projects: Vec<PiProject> = ids.into_iter().map(pi_project).collect();
    PiOverview {
        key,
        programs: 1,
        budget_total_kyen: 30_000 * projects.len() as i64,
        budget_total_missing: 0,
        allocated_kyen: 30_000 * projects.len() as i64,
        budget_this_year_kyen: 10_000 * projects.len() as i64,
        active: projects.len() as i64,
        overlapping_pairs: 0,
        pis_overlapping: 0,
        projects,
    }
}

/// A matrix cell of `n` projects.
pub fn cell(n: i64) -> MatrixCell {
    MatrixCell {
        projects: n,
        ..MatrixCell::default()
    }
}

/// A matrix row of 15 projects (5, 4, 3, 2, 1 per phase).
pub fn matrix_row(id: i64, code: &str, name_ja: &str, name_en: &str, period: i64) -> MatrixRow {
    MatrixRow {
        id,
        code: code.into(),
        name_ja: name_ja.into(),
        name_en: name_en.into(),
        depth: 0,
        period,
        cells: [cell(5), cell(4), cell(3), cell(2), cell(1)],
        total: cell(15),
    }
}

/// The dashboard's figures over `rows`, with `projects` in the headline.
pub fn figures(
    pivot: Pivot,
    options: MatrixOptions,
    rows: Vec<MatrixRow>,
    projects: i64,
) -> DashboardData {
    let n = rows.len() as i64;
    DashboardData {
        matrix: Matrix {
            pivot,
            options,
            column_totals: [cell(5 * n), cell(4 * n), cell(3 * n), cell(2 * n), cell(n)],
            total: cell(15 * n),
            rows,
        },
        headline: Headline {
            per_phase: [5 * n, 4 * n, 3 * n, 2 * n, n],
            projects,
            ..Headline::default()
        },
        filter: Default::default(),
    }
}

/// The dashboard's figures: a row per integrated project (or the one disease area) of
/// `reference()`, 45 projects in the headline.
pub fn dashboard_data(pivot: Pivot, options: MatrixOptions) -> DashboardData {
    let r = reference();
    let rows = match pivot {
        Pivot::IntegratedProject => r
            .integrated_projects
            .iter()
            .map(|ip| matrix_row(ip.id, &ip.code, &ip.name_ja, &ip.name_en, ip.period))
            .collect(),
        Pivot::DiseaseArea => r
            .disease_areas
            .iter()
            .map(|a| matrix_row(a.id, &a.code, &a.name_ja, &a.name_en, 0))
            .collect(),
    };
    figures(pivot, options, rows, 45)
}

// ---- opening screens by keys ----

/// Tab from the dashboard: the project list, answered with `ids` and their rows.
pub fn open_list(app: &mut App, ids: impl IntoIterator<Item = i64>) {
    press(app, Key::Tab);
    answer_list(app, ids);
}

/// Answers the list's current request with `ids` and fetches every row it asks for.
pub fn answer_list(app: &mut App, ids: impl IntoIterator<Item = i64>) {
    let request = list(app).request;
    let effects = app.update(Action::ListLoaded {
        request,
        ids: ids.into_iter().collect(),
    });
    for effect in effects {
        if let Effect::LoadRows { ids, .. } = effect {
            app.update(Action::RowsLoaded(rows(ids)));
        }
    }
}

/// A one-project list, Enter, and the detail answered.
pub fn open_detail(app: &mut App, detail: ProjectDetail) {
    let id = detail.id;
    open_list(app, id..=id);
    assert_eq!(
        press(app, Key::Enter),
        [Effect::LoadDetail { id, me: ME.into() }]
    );
    app.update(Action::DetailLoaded(Box::new(detail)));
}
