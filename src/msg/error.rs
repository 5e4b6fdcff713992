//! [`crate::Error`] in the officer's language.

use super::{field, io_error};
use crate::{Error, Lang};

impl Error {
    /// What went wrong, in `lang`: paths, ids and values verbatim, every other word in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self {
            Error::NotADatabase { path } => {
                let p = path.display();
                if ja {
                    format!(
                        "{p}: seedline のデータベースではありません（SQLite のファイルでないか、ヘッダーが壊れています）"
                    )
                } else {
                    self.to_string()
                }
            }
            Error::ForeignDatabase { path } => {
                let p = path.display();
                if ja {
                    format!(
                        "{p}: seedline のデータベースではありません（SQLite ですが seedline の表がありません）"
                    )
                } else {
                    self.to_string()
                }
            }
            Error::TooNew {
                path,
                found,
                supported,
            } => {
                let p = path.display();
                if ja {
                    format!(
                        "{p}: より新しい seedline で作られたデータベースです（スキーマ版 {found}、この seedline は版 {supported} まで）。seedline を更新してください"
                    )
                } else {
                    self.to_string()
                }
            }
            Error::Corrupt { path, detail } => {
                let p = path.display();
                if ja {
                    format!("{p}: データベースの整合性検査で問題が見つかりました: {detail}")
                } else {
                    self.to_string()
                }
            }
            Error::NoWal { path, mode } => {
                let p = path.display();
                if ja {
                    format!("{p}: WAL ジャーナルモードに切り替えられません（結果 '{mode}'）")
                } else {
                    self.to_string()
                }
            }
            Error::NotFound {
                what: "database",
                key,
            } => super::cli::database_not_found(key).get(lang).to_string(),
            Error::NotFound { what, key } => {
                let what = field(what);
                if ja {
                    format!("{}が見つかりません: {key}", what.get(lang))
                } else {
                    format!("{} not found: {key}", what.get(lang))
                }
            }
            Error::Invalid {
                field: name,
                reason,
            } => {
                format!("{}: {}", field(name).get(lang), reason.get(lang))
            }
            Error::Conflict { what, by, at } => {
                let by = if by.is_empty() {
                    if ja {
                        "別のセッション"
                    } else {
                        "another session"
                    }
                } else {
                    by.as_str()
                };
                if ja {
                    let what = what.get(lang);
                    // `課題は` but `記録 #3 は`: a space after an id.
                    let space = if what.ends_with(|c: char| c.is_ascii()) {
                        " "
                    } else {
                        ""
                    };
                    format!("{what}{space}は読み込んだ後に {by} が変更しました（{at}）")
                } else {
                    format!(
                        "{} was changed by {by} at {at} since it was loaded",
                        what.get(lang)
                    )
                }
            }
            Error::Damaged(detail) => {
                if ja {
                    format!(
                        "データベースの整合性検査で問題が見つかりました（{detail}）。`seedline doctor` を実行し、バックアップから復元してください"
                    )
                } else {
                    self.to_string()
                }
            }
            Error::NetworkFilesystem { path, fs } => {
                let p = path.display();
                if ja {
                    format!(
                        "{p}: ネットワークファイルシステム（{fs}）上にあります。そこでは SQLite のロックが安全に働かず、データベースが壊れるおそれがあります。ローカルディスクに置いてください"
                    )
                } else {
                    self.to_string()
                }
            }
            Error::EmptyDatabase { path } => {
                let p = path.display();
                if ja {
                    format!(
                        "{p}: 空のファイルで、seedline のデータベースではありません（ここに作るには `seedline init --db {p}`）"
                    )
                } else {
                    self.to_string()
                }
            }
            Error::Busy { path, holders } => {
                let p = path.display();
                if ja {
                    let who = if holders.is_empty() {
                        String::new()
                    } else {
                        format!("（使用中: {holders}）")
                    };
                    format!(
                        "データベースが使用中です: 別の seedline（または sqlite3）が {p} に書き込んでいます。少し待ってからもう一度試してください{who}"
                    )
                } else {
                    self.to_string()
                }
            }
            Error::Sqlite(e) => {
                if ja {
                    format!("データベースのエラー: {e}")
                } else {
                    self.to_string()
                }
            }
            Error::Io { path, error } => format!("{}: {}", path.display(), io_error(error, lang)),
        }
    }
}
