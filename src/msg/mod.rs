//! The message table: every wording of an error or a hint the officer reads, in Japanese and
//! English side by side. A [`Msg`] holds both texts; the screen, the status line and stderr pick
//! the officer's language ([`Msg::get`]). Paths, ids and values the officer typed are spliced in
//! verbatim; everything else is words of one language.
//!
//! - `error.rs`: [`crate::Error`] worded in a language ([`crate::Error::text`]).
//! - `invalid.rs`: why a value is refused ([`crate::Error::Invalid`]'s reason).
//! - `query.rs`: hints of the filter language (`phase:xyz`, `ip:`).
//! - `csv.rs`: problems of an imported file (line, column, what was expected).
//! - `cli.rs`: errors and warnings of `seedline …` on stderr.
//! - `cli_out.rs`: what a successful `seedline …` prints on stdout.
//! - `tally.rs`: `seedline doctor` on the dashboard's kept counts.
//!
//! [`Msg::new`] is called in this module only (checked by `tests/lang.rs`): a wording added
//! elsewhere would be a wording with no place in the table.

pub mod cli;
pub mod cli_out;
pub mod csv;
mod csv_rows;
mod error;
pub mod integrity;
pub mod invalid;
mod invalid_files;
pub mod lineage;
pub mod query;
pub mod tally;

use crate::Lang;
use std::fmt;

/// One message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Msg {
    ja: String,
    en: String,
}

impl Msg {
    /// A message with its Japanese and English wording (in this module only).
    pub(crate) fn new(ja: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            ja: ja.into(),
            en: en.into(),
        }
    }

    /// The wording in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    /// Both wordings of an error, for carrying it where `crate::Error` (not `Clone`) cannot go.
    pub fn of_error(error: &crate::Error) -> Msg {
        Msg {
            ja: error.text(Lang::Ja),
            en: error.text(Lang::En),
        }
    }

    /// `self` then `other`, joined in each language by `sep` (a `(ja, en)` pair).
    pub fn join(&self, sep: (&str, &str), other: &Msg) -> Msg {
        Msg {
            ja: format!("{}{}{}", self.ja, sep.0, other.ja),
            en: format!("{}{}{}", self.en, sep.1, other.en),
        }
    }

    /// `prefix: self` in both languages, the prefix being a path, an id or an option name.
    pub fn at(&self, prefix: &str) -> Msg {
        Msg {
            ja: format!("{prefix}: {}", self.ja),
            en: format!("{prefix}: {}", self.en),
        }
    }

    /// Both wordings made safe for one line of a terminal ([`crate::text::sanitize_line`]).
    pub fn sanitized(self) -> Msg {
        Msg {
            ja: crate::text::sanitize_line(&self.ja).into_owned(),
            en: crate::text::sanitize_line(&self.en).into_owned(),
        }
    }

    /// A field's label (see [`field`]) followed by this message.
    pub fn for_field(&self, name: &str) -> Msg {
        let label = field(name);
        Msg {
            ja: format!("{}: {}", label.ja, self.ja),
            en: format!("{}: {}", label.en, self.en),
        }
    }
}

/// English, for logs and for code that has no officer to speak to.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A message can be an error on its own (`anyhow::Error::from(msg)`); `cli::describe` finds it
/// in the chain and words it in the officer's language.
impl std::error::Error for Msg {}

/// The label an officer knows a field by, from the name the code gives it (`body` → 本文 / text).
/// Option names (`--body`), paths, ids and environment variables are shown as they are.
pub fn field(name: &str) -> Msg {
    match field_label(name) {
        Some((ja, en)) => Msg::new(ja, en),
        None => Msg::new(name, name),
    }
}

/// The table behind [`field`]; `None` for a name shown verbatim.
pub fn field_label(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "amed_id" | "id" => ("課題管理番号", "AMED ID"),
        "title" => ("研究開発課題名", "title"),
        "summary" => ("概要", "summary"),
        "pi_name" | "pi" => ("研究開発代表者", "PI"),
        "pi_title" => ("代表者の役職", "PI title"),
        "institution" => ("研究機関", "institution"),
        "program" => ("事業", "program"),
        "integrated_project" | "ip" => ("統合プロジェクト", "integrated project"),
        "disease_area" | "area" => ("疾患領域", "disease area"),
        "modality" => ("モダリティ", "modality"),
        "phase" => ("段階", "phase"),
        "phases" => ("対象段階", "phases"),
        "start_date" => ("開始日", "start date"),
        "end_date" => ("終了日", "end date"),
        "budget_total_kyen" => ("総額（千円）", "total budget (thousand yen)"),
        "partner_company" => ("導出先企業", "partner company"),
        "licensing" | "licensing_status" => ("企業導出", "licensing"),
        "body" => ("本文", "text"),
        "body (standard input)" => ("本文（標準入力）", "text (standard input)"),
        "follow_up" => ("フォローアップ期限", "follow-up due"),
        "date" => ("日付", "date"),
        "due" => ("期限日", "due date"),
        "kind" => ("種別", "kind"),
        "note" => ("記録", "note"),
        "gate" => ("ステージゲート", "stage gate"),
        "decision" => ("判定", "decision"),
        "reason" => ("理由", "reason"),
        "status" => ("状態", "status"),
        "flag" => ("ハイウェイ支援フラグ", "highway flag"),
        "target" => ("リンク先", "target"),
        "label" => ("ラベル", "label"),
        "sha256" => ("チェックサム（SHA-256）", "checksum (SHA-256)"),
        "deadline" => ("期限", "deadline"),
        "outcome" => ("成果", "outcome"),
        "officer" => ("担当者", "officer"),
        "name" => ("名前", "name"),
        "name-en" => ("英語名", "English name"),
        "role" => ("役割", "role"),
        "login" => ("ログイン", "login"),
        "code" => ("コード", "code"),
        "version" => ("版", "version"),
        "filter" => ("絞り込み", "filter"),
        "columns" => ("列", "columns"),
        "output" => ("書き出し先", "output file"),
        "import file" => ("取り込むファイル", "file to import"),
        "database" => ("データベース", "database"),
        "drafts" => ("下書き", "drafts"),
        "fiscal_year" => ("年度", "fiscal year"),
        "amount_kyen" => ("配分額（千円）", "amount (thousand yen)"),
        "link" | "program link" => ("事業間の連携", "program link"),
        "attachment" => ("添付リンク", "link"),
        "project" => ("課題", "project"),
        "lineage" => ("系譜", "lineage"),
        "highway flag" => ("ハイウェイ支援フラグ", "highway flag"),
        "config" => ("設定ファイル", "config file"),
        "demo" => ("デモ", "demo"),
        _ => return None,
    })
}

/// The wording of an operating-system error (`No such file or directory`), in `lang`.
pub fn io_error(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let words = |ja: &str, en: &str| match lang {
        Lang::Ja => ja.to_string(),
        Lang::En => en.to_string(),
    };
    match error.kind() {
        K::NotFound => words(
            "ファイルまたはディレクトリがありません",
            "no such file or directory",
        ),
        K::PermissionDenied => words("アクセスする権限がありません", "permission denied"),
        K::AlreadyExists => words("既に存在します", "already exists"),
        K::IsADirectory => words("ディレクトリです", "is a directory"),
        K::NotADirectory => words("ディレクトリではありません", "not a directory"),
        K::ReadOnlyFilesystem => words(
            "読み取り専用のファイルシステムです",
            "read-only file system",
        ),
        K::StorageFull => words("ディスクの空きがありません", "no space left on the disk"),
        K::InvalidData => words("UTF-8 のテキストではありません", "not UTF-8 text"),
        K::BrokenPipe => words("出力先が閉じられました", "the output was closed"),
        K::Interrupted => words("中断されました", "interrupted"),
        _ => match (lang, error.raw_os_error()) {
            (Lang::Ja, Some(code)) => format!("OS エラー {code}"),
            _ => error.to_string(),
        },
    }
}

/// An OS error in both languages.
pub fn io(error: &std::io::Error) -> Msg {
    Msg::new(io_error(error, Lang::Ja), io_error(error, Lang::En))
}
