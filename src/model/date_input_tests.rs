use super::*;

/// A Friday.
fn today() -> Date {
    Date::from_ymd_opt(2026, 12, 4).unwrap()
}

fn r(text: &str) -> Result<String, DateError> {
    resolve(text, today()).map(|d| d.to_string())
}

fn ok(text: &str) -> String {
    r(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
}

#[test]
fn calendar_forms_read_the_same_day() {
    for text in [
        "2026-12-11",
        "2026/12/11",
        "2026.12.11",
        "20261211",
        "2026年12月11日",
        " 2026-12-11 ",
        "２０２６／１２／１１",
        "２０２６－１２－１１",
        "2026/12/11",
    ] {
        assert_eq!(ok(text), "2026-12-11", "{text:?}");
    }
    assert_eq!(ok("2026/1/5"), "2026-01-05");
    assert_eq!(ok("2026-1-5"), "2026-01-05");
    assert_eq!(ok("2026年1月5日"), "2026-01-05");
    assert_eq!(ok("2024-02-29"), "2024-02-29");
}

#[test]
fn era_dates_respect_their_boundaries() {
    assert_eq!(ok("令和8年12月11日"), "2026-12-11");
    assert_eq!(ok("令和８年１２月１１日"), "2026-12-11");
    assert_eq!(ok("R8.12.11"), "2026-12-11");
    assert_eq!(ok("r8/12/11"), "2026-12-11");
    assert_eq!(ok("Ｒ８．１２．１１"), "2026-12-11");
    // 令和 begins on 2019-05-01; 平成 ends the day before.
    assert_eq!(ok("令和元年5月1日"), "2019-05-01");
    assert_eq!(ok("令和1年5月1日"), "2019-05-01");
    assert_eq!(ok("R1.5.1"), "2019-05-01");
    assert_eq!(ok("平成31年4月30日"), "2019-04-30");
    assert_eq!(ok("H31.4.30"), "2019-04-30");
    assert_eq!(ok("平成元年1月8日"), "1989-01-08");
    assert_eq!(ok("昭和64年1月7日"), "1989-01-07");
    assert_eq!(ok("平成30年4月1日"), "2018-04-01");
    for outside in [
        "令和1年4月30日",
        "令和元年4月30日",
        "平成31年5月1日",
        "H31.5.1",
        "平成32年4月1日",
        "平成元年1月7日",
        "令和0年5月1日",
    ] {
        assert_eq!(
            r(outside),
            Err(DateError::OutsideEra(outside.into())),
            "{outside}"
        );
    }
}

#[test]
fn relative_forms_count_from_today() {
    assert_eq!(ok("今日"), "2026-12-04");
    assert_eq!(ok("today"), "2026-12-04");
    assert_eq!(ok("Today"), "2026-12-04");
    assert_eq!(ok("明日"), "2026-12-05");
    assert_eq!(ok("tomorrow"), "2026-12-05");
    assert_eq!(ok("昨日"), "2026-12-03");
    assert_eq!(ok("yesterday"), "2026-12-03");
    // 来週 is today + 7 days: the same weekday next week.
    assert_eq!(ok("来週"), "2026-12-11");
    assert_eq!(ok("next week"), "2026-12-11");
    assert_eq!(ok("先週"), "2026-11-27");
    assert_eq!(ok("来月"), "2027-01-04");
    assert_eq!(ok("next month"), "2027-01-04");
    assert_eq!(ok("先月"), "2026-11-04");
    assert_eq!(ok("+7d"), "2026-12-11");
    assert_eq!(ok("+7"), "2026-12-11");
    assert_eq!(ok("＋７ｄ"), "2026-12-11");
    assert_eq!(ok("+7日"), "2026-12-11");
    assert_eq!(ok("-3d"), "2026-12-01");
    assert_eq!(ok("+2w"), "2026-12-18");
    assert_eq!(ok("+2週"), "2026-12-18");
    assert_eq!(ok("+1m"), "2027-01-04");
    assert_eq!(ok("+3か月"), "2027-03-04");
    assert_eq!(ok("+1y"), "2027-12-04");
    assert_eq!(ok("+0d"), "2026-12-04");
    assert_eq!(ok("+30d"), "2027-01-03", "across the year end");
}

#[test]
fn a_month_from_the_31st_lands_on_the_last_day() {
    let jan31 = Date::from_ymd_opt(2026, 1, 31).unwrap();
    assert_eq!(resolve("+1m", jan31).unwrap().to_string(), "2026-02-28");
    assert_eq!(resolve("来月", jan31).unwrap().to_string(), "2026-02-28");
    let leap = Date::from_ymd_opt(2024, 2, 29).unwrap();
    assert_eq!(resolve("+1y", leap).unwrap().to_string(), "2025-02-28");
}

#[test]
fn impossible_and_unknown_texts_are_refused_with_the_reason() {
    for no_such_day in [
        "2024-02-30",
        "2023-02-29",
        "2026/13/01",
        "20261232",
        "令和8年2月30日",
    ] {
        assert_eq!(
            r(no_such_day),
            Err(DateError::NoSuchDay(no_such_day.into())),
            "{no_such_day}"
        );
    }
    for unknown in [
        "12/11",
        "26/12/11",
        "2026-12",
        "2026/12/11/1",
        "2026121",
        "next",
        "+d",
        "+7x",
        "7d",
        "令和8年",
        "R8",
        "金曜",
        "2026-12-11x",
        "+123456d",
    ] {
        assert_eq!(
            r(unknown),
            Err(DateError::Unknown(unknown.into())),
            "{unknown}"
        );
    }
    assert_eq!(r(""), Err(DateError::Empty));
    assert_eq!(r("   "), Err(DateError::Empty));
    assert!(matches!(r("+99999y"), Err(DateError::NoSuchDay(_))));
}

#[test]
fn messages_list_the_accepted_forms_in_each_language() {
    let e = r("来年のどこか").unwrap_err();
    let ja = e.message(Lang::Ja);
    assert!(ja.contains("来年のどこか") && ja.contains("令和8年12月11日") && ja.contains("来週"));
    let en = e.message(Lang::En);
    assert!(en.contains("accepted") && en.contains("+7d") && en.contains("next week"));
    for error in [
        DateError::Empty,
        DateError::NoSuchDay("2024-02-30".into()),
        DateError::OutsideEra("H31.5.1".into()),
        DateError::Unknown("x".into()),
    ] {
        let en = error.message(Lang::En);
        assert!(
            !en.chars().any(|c| ('\u{3000}'..='\u{9FFF}').contains(&c)),
            "no Japanese on an English screen: {en}"
        );
        let ja = error.message(Lang::Ja);
        assert!(
            !["type", "accepted", "no such"]
                .iter()
                .any(|w| ja.contains(w)),
            "{ja}"
        );
    }
}

#[test]
fn absolute_only_refuses_relative_forms() {
    assert_eq!(
        parse_absolute("2026/12/11")
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-12-11")
    );
    assert_eq!(parse_absolute("+7d"), None);
    assert_eq!(parse_absolute("来週"), None);
    assert!(is_relative("+7d") && is_relative("来週") && is_relative(" today "));
    assert!(!is_relative("2026-12-11") && !is_relative("") && !is_relative("R8.12.11"));
}

#[test]
fn weekdays_in_both_languages() {
    assert_eq!(weekday(today(), Lang::Ja), "金");
    assert_eq!(weekday(today(), Lang::En), "Fri");
}
