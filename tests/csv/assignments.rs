//! Officers and assignments as CSV: export → import into a fresh database → export gives the same
//! bytes (retired officers, past assignments, unknown start dates, a name export neutralises);
//! bad rows refused with their lines and the database untouched; `--dry-run`, `--create-officers`.

use crate::common::{Home, raw};
use crate::officers::{IDS, counts, fresh, officer};
use seedline::model::{OfficerRole, parse_date};

fn d(s: &str) -> seedline::model::Date {
    parse_date(s).unwrap()
}

fn export(home: &Home, db: &str, kind: &str, file: &str) -> Vec<u8> {
    home.seedline()
        .args(["export", kind, "--db", db, "-o", file])
        .assert()
        .success();
    std::fs::read(home.path(file)).unwrap()
}

fn import(home: &Home, db: &str, kind: &str, file: &str, extra: &[&str]) -> (bool, String, String) {
    let out = home
        .seedline()
        .args(["import", kind, file, "--db", db, "--lang", "en"])
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn export_import_export_of_officers_and_assignments_is_byte_identical() {
    let home = Home::new();
    let (mut a, ids) = fresh(&home, "a.db");
    let yamada = a
        .add_officer(&officer("山田 花子", OfficerRole::Po, Some("yamada")))
        .unwrap();
    let ono = a
        .add_officer(&officer("大野 恵子", OfficerRole::Ps, None))
        .unwrap();
    let formula = a
        .add_officer(&officer("=佐藤 一郎", OfficerRole::Dc, None))
        .unwrap();
    let gone = a
        .add_officer(&officer("野口 健太", OfficerRole::Po, Some("noguchi")))
        .unwrap();
    a.assign_officer(&ids[..3], yamada, None, d("2025-04-01"))
        .unwrap();
    a.assign_officer(&ids, ono, None, d("2024-04-01")).unwrap();
    a.assign_officer(&ids[3..], formula, None, d("2026-01-05"))
        .unwrap();
    a.assign_officer(&ids[..2], gone, None, d("2023-04-01"))
        .unwrap();
    a.unassign_officer(&ids[2..3], yamada, None, d("2025-09-30"), false)
        .unwrap();
    a.retire_officer(gone, None, d("2025-03-31")).unwrap();
    drop(a);
    // An assignment from before seedline recorded start dates.
    raw(&home.path("a.db"))
        .execute(
            "INSERT INTO project_officer (project_id, officer_id, assigned_on) VALUES (?1, ?2, NULL)",
            [ids[3], yamada],
        )
        .unwrap();

    let officers1 = export(&home, "a.db", "officers", "o1.csv");
    let assignments1 = export(&home, "a.db", "assignments", "a1.csv");
    let text = String::from_utf8(assignments1.clone()).unwrap();
    assert!(text.starts_with(
        "\u{feff}\"課題管理番号\",\"氏名\",\"役割\",\"担当開始日\",\"担当終了日\"\r\n"
    ));
    assert!(
        text.contains("\"JP26aa0000003\",\"山田 花子\",\"PO\",\"2025-04-01\",\"2025-09-30\"\r\n"),
        "{text}"
    );
    assert!(
        text.contains("\"JP26aa0000004\",\"山田 花子\",\"PO\",\"\",\"\"\r\n"),
        "{text}"
    );
    assert!(text.contains("\"'=佐藤 一郎\""), "{text}");
    let roster = String::from_utf8(officers1.clone()).unwrap();
    assert!(
        roster.contains("\"野口 健太\",\"PO\",\"noguchi\",\"2025-03-31\""),
        "{roster}"
    );

    let (_b, _) = fresh(&home, "b.db");
    drop(_b);
    // Officers first: assignments naming officers not on the roster are refused.
    let before = counts(&home.path("b.db"));
    let (ok, _, err) = import(&home, "b.db", "assignments", "a1.csv", &[]);
    assert!(!ok && err.contains("seedline officer add"), "{err}");
    assert_eq!(counts(&home.path("b.db")), before);
    let (ok, out, err) = import(&home, "b.db", "officers", "o1.csv", &[]);
    assert!(ok && out.contains("4 inserted"), "{out}{err}");
    let (ok, out, err) = import(&home, "b.db", "assignments", "a1.csv", &["--dry-run"]);
    assert!(ok && out.contains("nothing written"), "{out}{err}");
    assert_eq!(counts(&home.path("b.db"))[1..3], [0, 0]);
    let (ok, out, err) = import(&home, "b.db", "assignments", "a1.csv", &[]);
    assert!(
        ok && out.contains("8 current added") && out.contains("3 past recorded"),
        "{out}{err}"
    );
    assert_eq!(export(&home, "b.db", "officers", "o2.csv"), officers1);
    assert_eq!(export(&home, "b.db", "assignments", "a2.csv"), assignments1);
    // Again: every row unchanged, nothing written.
    let before = counts(&home.path("b.db"));
    let (ok, out, _) = import(&home, "b.db", "assignments", "a1.csv", &[]);
    assert!(ok && out.contains("11 unchanged"), "{out}");
    let (ok, out, _) = import(&home, "b.db", "officers", "o1.csv", &[]);
    assert!(ok && out.contains("4 unchanged"), "{out}");
    assert_eq!(counts(&home.path("b.db")), before);
    // The history of an imported project says who was added, in words.
    let out = home
        .seedline()
        .args(["history", IDS[0], "--db", "b.db"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("PO 山田 花子 を担当に追加 (2025-04-01〜)")
    );
}

#[test]
fn bad_rows_are_refused_by_line_and_nothing_is_written() {
    let home = Home::new();
    let (mut s, _) = fresh(&home, "x.db");
    s.add_officer(&officer("山田 花子", OfficerRole::Po, None))
        .unwrap();
    s.add_officer(&officer("山田 花子", OfficerRole::Ps, None))
        .unwrap();
    let retired = s
        .add_officer(&officer("野口 健太", OfficerRole::Po, None))
        .unwrap();
    s.retire_officer(retired, None, d("2025-03-31")).unwrap();
    drop(s);
    let file = "amed_id,name,role,from,to\r\n\
                JP26aa0000001,山田花子,PO,2025-04-01,\r\n\
                JP99zz0000009,山田 花子,PO,2025-04-01,\r\n\
                JP26aa0000002,山田 花子,,2025-04-01,\r\n\
                JP26aa0000002,佐藤 一郎,PO,2025-04-01,\r\n\
                JP26aa0000003,山田 花子,PO,2025-04-01,2024-03-31\r\n\
                JP26aa0000001,山田 花子,PO,2024-04-01,\r\n\
                JP26aa0000004,野口 健太,PO,2024-04-01,\r\n\
                JP26aa0000004,山田 花子,XX,2024-04-01,\r\n";
    std::fs::write(home.path("bad.csv"), file).unwrap();
    let path = home.path("x.db");
    let before = counts(&path);
    let version = |p: &std::path::Path| -> i64 {
        raw(p)
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap()
    };
    let audit = version(&path);
    let (ok, _, err) = import(&home, "x.db", "assignments", "bad.csv", &[]);
    assert!(!ok);
    for expected in [
        "bad.csv:3: amed_id: unknown 課題管理番号 'JP99zz0000009'",
        "bad.csv:4: name: '山田 花子' is on the roster as PS and PO",
        "bad.csv:5: name: unknown officer '佐藤 一郎'",
        "seedline officer add '佐藤 一郎' --role PO",
        "bad.csv:6: to: 2024-03-31 is before 担当開始日 2025-04-01",
        "bad.csv:7: name: duplicate",
        "bad.csv:8: name: PO 野口 健太 retired on 2025-03-31",
        "bad.csv:9: role: unknown role 'XX'",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert!(err.contains("nothing imported"), "{err}");
    assert_eq!(counts(&path), before);
    assert_eq!(version(&path), audit);

    // --create-officers adds the officer a row names (with its role), in the same transaction.
    std::fs::write(
        home.path("new.csv"),
        "課題管理番号,氏名,役割,担当開始日,担当終了日\n\
         JP26aa0000002,佐藤 一郎,PO,2025-04-01,\n\
         JP26aa0000003,佐藤 一郎,PO,2024-04-01,2025-03-31\n",
    )
    .unwrap();
    let (ok, out, err) = import(
        &home,
        "x.db",
        "assignments",
        "new.csv",
        &["--create-officers"],
    );
    assert!(ok && out.contains("1 officers added"), "{out}{err}");
    let [officers, current, past, _] = counts(&path);
    assert_eq!((officers, current, past), (before[0] + 1, 1, 1));
}
