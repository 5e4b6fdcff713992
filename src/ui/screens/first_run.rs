//! The dashboard of a database without projects: what to do first, instead of an empty matrix.

use crate::Lang;
use crate::app::App;
use crate::text::{fit, sanitize_line};
use crate::ui::theme::Theme;
use crate::ui::tr;
use ratatui::text::Line;

/// The steps from an empty database to a working portfolio, each with the command that does it.
pub fn lines(app: &App, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let config = if app.config_file.is_empty() {
        "config.toml".to_string()
    } else {
        sanitize_line(&app.config_file).into_owned()
    };
    let steps: [(&str, &str, String); 4] = [
        (
            "1. 課題一覧を取り込む（AMEDfind・KAKEN の CSV、--dry-run で確認）",
            "1. Import a project list (AMEDfind or KAKEN CSV; --dry-run checks it)",
            "seedline import projects FILE.csv".into(),
        ),
        (
            "2. 担当者（PS・PO）を登録する",
            "2. Add the officers (PS, PO)",
            tr(
                lang,
                "seedline officer add 氏名 --role PO --login アカウント",
                "seedline officer add NAME --role PO --login ACCOUNT",
            )
            .into(),
        ),
        (
            "3. 担当を割り当てる（画面では課題を選んで O）",
            "3. Assign them (on screen: select projects, then O)",
            tr(
                lang,
                "seedline assign 課題管理番号 ... --officer 氏名",
                "seedline assign AMED_ID ... --officer NAME",
            )
            .into(),
        ),
        (
            "4. 自分が誰かを設定する（[officer] name = \"氏名\"）",
            "4. Say who you are ([officer] name = \"NAME\")",
            config,
        ),
    ];
    let mut out = vec![
        Line::styled(
            fit(
                tr(
                    lang,
                    " まだ課題がありません。自分のデータで始めるには:",
                    " No projects yet. To start with your own data:",
                ),
                width,
            ),
            theme.label(),
        ),
        Line::raw(""),
    ];
    for (ja, en, command) in steps {
        let step = if lang == Lang::Ja { ja } else { en };
        out.push(Line::raw(fit(&format!(" {step}"), width)));
        out.push(Line::styled(
            fit(&format!("      {command}"), width),
            theme.selected(),
        ));
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        fit(
            tr(
                lang,
                " デモ: seedline --demo   キー一覧: ?   詳細: README「自分のデータで始める」",
                " Demo: seedline --demo   Keys: ?   Details: README \"Starting with your own data\"",
            ),
            width,
        ),
        theme.dim(),
    ));
    out
}
