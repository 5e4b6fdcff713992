//! Splitting a filter line into terms: words, `"quoted phrases"` and `field:value` pairs.

use super::{FIELDS, QueryError};

/// One term of a filter line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A free word.
    Word(String),
    /// A `"quoted phrase"`: always searched, never read as a term such as `mine`.
    Quoted(String),
    /// `field:value` (field lower-cased; value as typed, may be a comma list or range).
    Field(String, String),
}

/// Splits `input` into terms. Fails only on an unknown field name or an empty value, so that
/// typing stays forgiving: `http://x` style text with an unknown prefix is an error with a hint,
/// which the TUI shows while keeping the previous results.
pub fn parse(input: &str) -> Result<Vec<Term>, QueryError> {
    let mut terms = Vec::new();
    let mut chars = input.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let Some(&first) = chars.peek() else { break };
        if first == '"' || first == '“' || first == '”' {
            chars.next();
            let phrase: String = chars
                .by_ref()
                .take_while(|c| *c != '"' && *c != '”' && *c != '“')
                .collect();
            if !phrase.trim().is_empty() {
                terms.push(Term::Quoted(phrase.trim().to_string()));
            }
            continue;
        }
        let mut token = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            token.push(c);
            chars.next();
        }
        // A full-width colon (：) is what a Japanese IME types: accept it too.
        let split = token.find([':', '：']).map(|i| {
            let colon_len = token[i..].chars().next().map_or(1, char::len_utf8);
            (token[..i].to_string(), token[i + colon_len..].to_string())
        });
        match split {
            Some((field, value)) if !field.is_empty() => {
                let field = crate::model::fold_key(&field);
                if !FIELDS.contains(&field.as_str()) {
                    return Err(QueryError {
                        term: token.clone(),
                        hint: crate::msg::query::unknown_field(&field, &FIELDS.join(", ")),
                    });
                }
                if value.is_empty() {
                    return Err(QueryError {
                        term: token.clone(),
                        hint: crate::msg::query::needs_value(&field),
                    });
                }
                terms.push(Term::Field(field, value));
            }
            _ => terms.push(Term::Word(token)),
        }
    }
    Ok(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_fields() {
        let terms = parse(r#"がん  ip:drug "iPS 細胞" phase：応用..臨床"#).unwrap();
        assert_eq!(
            terms,
            [
                Term::Word("がん".into()),
                Term::Field("ip".into(), "drug".into()),
                Term::Quoted("iPS 細胞".into()),
                Term::Field("phase".into(), "応用..臨床".into()),
            ]
        );
    }

    #[test]
    fn unknown_fields_and_empty_values_give_hints() {
        let e = parse("colour:red").unwrap_err();
        let hint = e.hint.get(crate::Lang::En);
        assert!(
            hint.contains("unknown field") && hint.contains("phase"),
            "{e}"
        );
        let e = parse("phase:").unwrap_err();
        assert!(e.hint.get(crate::Lang::Ja).contains("応用..臨床"), "{e}");
        assert!(
            e.hint.get(crate::Lang::En).contains("applied..clinical"),
            "{e}"
        );
    }

    #[test]
    fn empty_and_blank_input_is_no_terms() {
        assert!(parse("").unwrap().is_empty());
        assert!(parse("   \"\" ").unwrap().is_empty());
    }

    #[test]
    fn a_leading_colon_is_just_a_word() {
        assert_eq!(parse(":x").unwrap(), [Term::Word(":x".into())]);
    }
}
