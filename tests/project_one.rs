//! Projects one at a time: `seedline project add` and `project edit` (checked as an imported row,
//! version-checked, audited field by field and shown by `history` in words), each refusal
//! leaving the database as it was.

use crate::common::{Home, fixture, raw};
use seedline::model::{Author, LicensingStatus, ProjectChanges, parse_date};

const DB: &str = "p.db";

fn init(home: &Home) {
    home.seedline()
        .args(["init", "--db", DB])
        .assert()
        .success();
}

/// Runs `seedline --db p.db ARGS`; (success, stdout, stderr).
fn run(home: &Home, args: &[&str]) -> (bool, String, String) {
    let out = home
        .seedline()
        .args(["--db", DB])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every row of the tables a project change touches, and the audit log's length: equal before
/// and after a refused command means nothing was written.
fn snapshot(home: &Home) -> Vec<String> {
    let conn = raw(&home.path(DB));
    let mut out = Vec::new();
    for sql in [
        "SELECT amed_id || title || summary || pi_name || pi_title || institution || program_id
           || integrated_project_id || modality || phase || start_date || coalesce(end_date, '-')
           || coalesce(budget_total_kyen, '-') || coalesce(partner_company, '-') || licensing_status
           || version || coalesce(retired_at, '-') FROM project ORDER BY id",
        "SELECT project_id || ':' || disease_area_id FROM project_disease_area ORDER BY 1",
        "SELECT count(*) || '' FROM audit_log",
        "SELECT count(*) || '' FROM phase_change",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

const ADD: [&str; 16] = [
    "project",
    "add",
    "--id",
    "JP26ck0100001",
    "--title",
    "新規抗体医薬の非臨床研究",
    "--pi",
    "山田 花子",
    "--institution",
    "東京大学",
    "--program",
    "難治性疾患実用化研究事業",
    "--phase",
    "基礎",
    "--start",
    "2026-04-01",
];

fn add(home: &Home) {
    let mut args = ADD.to_vec();
    args.extend([
        "--areas",
        "がん,難病",
        "--budget",
        "12,000",
        "--modality",
        "医薬品",
    ]);
    let (ok, out, err) = run(home, &args);
    assert!(ok, "{err}");
    assert!(out.contains("JP26ck0100001 added"), "{out}");
    assert!(out.contains("難治性疾患実用化研究事業"), "{out}");
}

#[test]
fn an_added_project_appears_in_the_list_the_dashboard_and_its_detail() {
    let home = Home::new();
    init(&home);
    add(&home);
    let (ok, list, _) = run(&home, &["show", "list", "--width", "120"]);
    assert!(ok);
    assert!(
        list.contains("JP26ck0100001") && list.contains("新規抗体医薬"),
        "{list}"
    );
    let (_, dashboard, _) = run(&home, &["show", "dashboard", "--width", "120"]);
    let drug = dashboard
        .lines()
        .find(|l| l.trim_start().starts_with("医薬品"))
        .unwrap();
    let counts: Vec<&str> = drug.split_whitespace().skip(1).collect();
    assert_eq!(counts, ["1", "0", "0", "0", "0", "1"], "{dashboard}");
    let (_, detail, _) = run(
        &home,
        &["show", "project", "JP26ck0100001", "--width", "100"],
    );
    assert!(detail.contains("12,000"), "{detail}");
    assert!(detail.contains("難病・希少疾患"), "{detail}");
}

#[test]
fn add_refuses_what_import_refuses_in_the_same_words_and_writes_nothing() {
    let home = Home::new();
    init(&home);
    add(&home);
    let before = snapshot(&home);
    // Duplicate.
    let (ok, _, err) = run(&home, &ADD);
    assert!(!ok);
    assert!(
        err.contains("JP26ck0100001 は既に登録されています"),
        "{err}"
    );
    // Unknown program (with the suggestion import makes), an impossible date, a bad amount and a
    // control character: all named by their option in one message.
    let mut args = ADD.to_vec();
    args[3] = "JP26ck0100002";
    args[11] = "存在しない事業";
    args[15] = "2026-02-30";
    args.extend(["--budget", "12k", "--partner", "A\u{1b}[2JB"]);
    let (ok, _, err) = run(&home, &args);
    assert!(!ok);
    for expected in [
        "--program: 事業 '存在しない事業' はありません",
        "--start: '2026-02-30' は正しい日付ではありません",
        "--budget: '12k' は整数ではありません",
        "--partner: 2 文字目に制御文字 U+001B が含まれています",
        "何も保存していません",
    ] {
        assert!(err.contains(expected), "{expected}: {err}");
    }
    assert!(!err.contains('\u{1b}'), "the message is safe to print");
    // The same unknown program in an imported file is worded the same way.
    std::fs::write(
        home.path("in.csv"),
        "課題管理番号,研究開発課題名,事業名,代表研究機関,研究開発代表者,開始日,研究開発フェーズ\n\
         JP26ck0100003,題,存在しない事業,東大,山田,2026-04-01,基礎\n",
    )
    .unwrap();
    let (ok, _, err) = run(&home, &["import", "projects", "in.csv"]);
    assert!(!ok);
    assert!(
        err.contains("事業名: 事業 '存在しない事業' はありません"),
        "{err}"
    );
    assert_eq!(snapshot(&home), before, "refusals write nothing");
}

#[test]
fn edit_changes_the_fields_given_and_history_says_what_changed_in_words() {
    let home = Home::new();
    init(&home);
    add(&home);
    let (ok, out, err) = run(
        &home,
        &[
            "project",
            "edit",
            "JP26ck0100001",
            "--version",
            "1",
            "--licensing",
            "license",
            "--partner",
            "第一製薬株式会社",
            "--end",
            "2029-03-31",
            "--title",
            "改題した課題名",
            "--program",
            "crest",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains("を保存しました（版 2）"), "{out}");
    assert!(out.contains("企業導出: 未導出 › 実施許諾"), "{out}");
    let (_, detail, _) = run(
        &home,
        &["show", "project", "JP26ck0100001", "--width", "100"],
    );
    for expected in [
        "改題した課題名",
        "実施許諾",
        "第一製薬株式会社",
        "2029-03-31",
    ] {
        assert!(detail.contains(expected), "{expected}: {detail}");
    }
    // The program moved the project to its integrated project.
    let ip: String = raw(&home.path(DB))
        .query_row(
            "SELECT i.code FROM project p JOIN integrated_project i ON i.id = p.integrated_project_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ip, "seeds");
    let (_, history, _) = run(&home, &["history", "JP26ck0100001"]);
    let edit = history
        .lines()
        .find(|l| l.contains("project.edit"))
        .unwrap();
    for expected in [
        "企業導出: 未導出 › 実施許諾",
        "並走企業: なし › 第一製薬株式会社",
        "終了日: なし › 2029-03-31",
        "研究開発課題名: 変更",
        "事業名: 難治性疾患実用化研究事業 › 革新的先端研究開発支援事業",
    ] {
        assert!(edit.contains(expected), "{expected}: {edit}");
    }
    assert!(
        !edit.contains("改題"),
        "titles stay out of the audit log: {edit}"
    );
    // Clearing an optional field.
    let (ok, out, _) = run(&home, &["project", "edit", "JP26ck0100001", "--end", ""]);
    assert!(ok);
    assert!(out.contains("終了日: 2029-03-31 › なし"), "{out}");
}

#[test]
fn edit_refuses_a_stale_version_bad_values_and_a_retired_project_writing_nothing() {
    let home = Home::new();
    init(&home);
    add(&home);
    let (ok, _, err) = run(
        &home,
        &[
            "project",
            "edit",
            "JP26ck0100001",
            "--budget",
            "9000",
            "--end",
            "2029-03-31",
        ],
    );
    assert!(ok, "{err}");
    let before = snapshot(&home);
    let (ok, _, err) = run(
        &home,
        &[
            "project",
            "edit",
            "JP26ck0100001",
            "--version",
            "1",
            "--budget",
            "1",
        ],
    );
    assert!(!ok);
    assert!(
        err.contains("が変更しました") && err.contains("何も保存していません"),
        "{err}"
    );
    let (ok, _, err) = run(
        &home,
        &[
            "project",
            "edit",
            "JP26ck0100001",
            "--areas",
            "存在しない領域",
            "--start",
            "2030-01-01",
        ],
    );
    assert!(!ok);
    assert!(
        err.contains("--areas: 疾患領域 '存在しない領域' はありません"),
        "{err}"
    );
    let (ok, _, err) = run(
        &home,
        &["project", "edit", "JP26ck0100001", "--start", "2030-01-01"],
    );
    assert!(!ok, "an end before the start");
    assert!(err.contains("は開始日 2030-01-01 より前です"), "{err}");
    let (ok, _, err) = run(&home, &["project", "edit", "JP99nope", "--budget", "1"]);
    assert!(!ok);
    assert!(err.contains("課題が見つかりません: JP99nope"), "{err}");
    assert_eq!(snapshot(&home), before);
    // Nothing given, or every value as it is: reported, nothing written.
    let (ok, out, _) = run(&home, &["project", "edit", "JP26ck0100001"]);
    assert!(ok && out.contains("変更はありません"), "{out}");
    let (ok, out, _) = run(
        &home,
        &["project", "edit", "JP26ck0100001", "--budget", "9,000"],
    );
    assert!(ok && out.contains("変更はありません"), "{out}");
    assert_eq!(snapshot(&home), before);
    // A retired project is refused, saying how to restore it.
    run(
        &home,
        &["project", "retire", "JP26ck0100001", "--reason", "重複登録"],
    );
    let retired = snapshot(&home);
    let (ok, _, err) = run(
        &home,
        &["project", "edit", "JP26ck0100001", "--budget", "1"],
    );
    assert!(!ok);
    assert!(
        err.contains("に除外されています") && err.contains("重複登録"),
        "{err}"
    );
    assert!(
        err.contains("seedline project restore JP26ck0100001"),
        "{err}"
    );
    let (ok, _, _) = run(
        &home,
        &["project", "retire", "JP26ck0100001", "--reason", "again"],
    );
    assert!(!ok, "retired twice");
    assert_eq!(snapshot(&home), retired);
}

#[test]
fn store_edits_are_one_audit_row_each_and_an_undo_puts_the_values_back() {
    let home = Home::new();
    let mut s = fixture::open(&home, "f.db", "tester");
    let path = home.path("f.db");
    let audit = || -> i64 {
        raw(&path)
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap()
    };
    let author = Author::new(Some("岩崎 美紀"), Some("PO"), "iwasaki");
    let (old, v) = s.project_for_edit(7).unwrap();
    let before = audit();
    let changes = ProjectChanges {
        licensing_status: Some(LicensingStatus::Negotiating),
        end_date: Some(parse_date("2030-03-31")),
        disease_areas: Some(vec!["rare".into(), "cancer".into()]),
        ..ProjectChanges::default()
    };
    let edited = s.edit_project(7, Some(v), &changes, &author).unwrap();
    assert_eq!(edited.version, v + 1);
    assert_eq!(edited.changes.len(), 3);
    assert_eq!(audit(), before + 1);
    let (action, entity, officer): (String, String, String) = raw(&path)
        .query_row(
            "SELECT action, entity, json_extract(detail, '$.officer') FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (action.as_str(), entity.as_str(), officer.as_str()),
        ("project.edit", "project", "岩崎 美紀")
    );
    // The same values again: nothing written.
    let again = s.edit_project(7, None, &changes, &author).unwrap();
    assert!(again.changes.is_empty());
    assert_eq!(audit(), before + 1);
    // A stale version: a conflict, nothing written.
    assert!(matches!(
        s.edit_project(7, Some(v), &ProjectChanges::default(), &author),
        Err(seedline::Error::Conflict { .. })
    ));
    assert_eq!(audit(), before + 1);
    // The undo on the version the edit left.
    s.edit_project(7, Some(edited.version), &edited.undo, &author)
        .unwrap();
    let (back, _) = s.project_for_edit(7).unwrap();
    let sorted = |p: seedline::model::NewProject| {
        let mut p = p;
        p.disease_areas.sort();
        p
    };
    assert_eq!(sorted(back), sorted(old));
}

#[test]
fn edited_projects_export_import_export_byte_identical_and_a_retired_one_stays_out() {
    let home = Home::new();
    init(&home);
    add(&home);
    let mut args: Vec<&str> = ADD.to_vec();
    args[3] = "JP26ck0100002";
    args[5] = "=1+2 式に見える課題名";
    args.extend([
        "--partner",
        "@商事",
        "--summary",
        "一行目\n二行目, \"引用\"",
    ]);
    let (ok, _, err) = run(&home, &args);
    assert!(ok, "{err}");
    let mut third = ADD.to_vec();
    third[3] = "JP26ck0100003";
    assert!(run(&home, &third).0);
    let (ok, _, err) = run(
        &home,
        &[
            "project",
            "edit",
            "JP26ck0100002",
            "--licensing",
            "joint_development",
            "--areas",
            "がん",
        ],
    );
    assert!(ok, "{err}");
    assert!(
        run(
            &home,
            &["project", "retire", "JP26ck0100003", "--reason", "誤登録"]
        )
        .0
    );
    let (ok, _, err) = run(&home, &["export", "projects", "-o", "a.csv"]);
    assert!(ok, "{err}");
    let a = std::fs::read(home.path("a.csv")).unwrap();
    let text = String::from_utf8_lossy(&a);
    assert!(
        text.contains("JP26ck0100002") && text.contains("\"'=1+2"),
        "{text}"
    );
    assert!(
        !text.contains("JP26ck0100003"),
        "the retired project stays out: {text}"
    );
    home.seedline()
        .args(["init", "--db", "b.db"])
        .assert()
        .success();
    home.seedline()
        .args(["--db", "b.db", "import", "projects", "a.csv"])
        .assert()
        .success();
    home.seedline()
        .args(["--db", "b.db", "export", "projects", "-o", "b.csv"])
        .assert()
        .success();
    assert_eq!(std::fs::read(home.path("b.csv")).unwrap(), a);
}
