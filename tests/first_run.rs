//! A database without projects: the dashboard says what to do first (import, officers, assign,
//! who I am), in the officer's language, and the matrix comes back with the first project.

use crate::common::{Home, fixture};

fn dashboard(home: &Home, lang: &str) -> String {
    let out = home
        .seedline()
        .args([
            "show",
            "dashboard",
            "--db",
            "x.db",
            "--width",
            "80",
            "--lang",
            lang,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn an_empty_database_shows_the_first_steps_until_it_has_a_project() {
    let home = Home::new();
    home.seedline()
        .args(["init", "--db", "x.db"])
        .assert()
        .success();
    let ja = dashboard(&home, "ja");
    assert!(ja.contains("まだ課題がありません"), "{ja}");
    for command in [
        "seedline import projects FILE.csv",
        "seedline officer add 氏名 --role PO --login アカウント",
        "seedline assign 課題管理番号 ... --officer 氏名",
    ] {
        assert!(ja.contains(command), "missing `{command}`:\n{ja}");
    }
    // The config file is named where it really is.
    let config = home.path("config").join("config.toml");
    assert!(ja.contains(&config.display().to_string()), "{ja}");
    assert!(!ja.contains("統合プロジェクト"), "no empty matrix:\n{ja}");
    let en = dashboard(&home, "en");
    assert!(
        en.contains("No projects yet. To start with your own data:"),
        "{en}"
    );
    assert!(
        en.contains("seedline officer add NAME --role PO --login ACCOUNT"),
        "{en}"
    );
    assert!(!en.contains("まだ"), "{en}");

    let mut store = home.store("x.db");
    store
        .insert_project(&fixture::new_project("JP26zz0000001", "初めての課題"))
        .unwrap();
    drop(store);
    let ja = dashboard(&home, "ja");
    assert!(!ja.contains("まだ課題がありません"), "{ja}");
    assert!(ja.contains("統合プロジェクト"), "{ja}");
    assert!(ja.contains("課題 1"), "{ja}");
}
