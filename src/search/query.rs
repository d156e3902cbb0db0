//! The query language: words, "quoted phrases", `-word`/`NOT word`, `OR`, `AND`, parentheses and
//! `title:`/`body:`/`source:` scopes. Bare words must all match (with a fallback to any word
//! when nothing matches all of them). A query that does not parse falls back to its plain words.

/// Which text a term must be found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Any,
    Title,
    Body,
    Source,
}

/// A word or a quoted phrase, with the text it must be found in.
#[derive(Debug, Clone, PartialEq)]
pub struct TermExpr {
    pub scope: Scope,
    pub text: String,
    pub quoted: bool,
}

/// The query as a tree of terms and operators, before any tantivy query is built.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Term(TermExpr),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
}

/// A parsed query, and whether it had to fall back to plain words.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedQuery {
    pub expr: Option<Expr>,
    pub fallback: bool,
    /// The user wrote OR/AND/NOT, quotes or parentheses: no any-word fallback then.
    pub explicit: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Lexeme {
    Open,
    Close,
    Or,
    And,
    Not,
    Minus,
    Word(Scope, String),
    Phrase(Scope, String),
}

struct ParseError;

fn scope_of(name: &str) -> Option<Scope> {
    match name.to_lowercase().as_str() {
        "title" | "tieude" | "tiêu đề" => Some(Scope::Title),
        "body" | "text" => Some(Scope::Body),
        "source" | "nguon" | "nguồn" => Some(Scope::Source),
        _ => None,
    }
}

fn lex(input: &str) -> Result<Vec<Lexeme>, ParseError> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        match c {
            '(' => {
                out.push(Lexeme::Open);
                i += 1;
                continue;
            }
            ')' => {
                out.push(Lexeme::Close);
                i += 1;
                continue;
            }
            '-' if chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) => {
                out.push(Lexeme::Minus);
                i += 1;
                continue;
            }
            '+' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let (scope, start) = scoped_start(&chars, i);
        if chars.get(start) == Some(&'"') || chars.get(start) == Some(&'“') {
            let close = chars[start + 1..]
                .iter()
                .position(|&q| q == '"' || q == '”')
                .ok_or(ParseError)?;
            let text: String = chars[start + 1..start + 1 + close].iter().collect();
            out.push(Lexeme::Phrase(scope, text));
            i = start + close + 2;
            continue;
        }
        let mut end = start;
        while end < chars.len()
            && !chars[end].is_whitespace()
            && !matches!(chars[end], '(' | ')' | '"' | '“' | '”')
        {
            end += 1;
        }
        if end == start {
            // A scope followed by a parenthesis or nothing: read the name as a word.
            end = i;
            while end < chars.len()
                && !chars[end].is_whitespace()
                && !matches!(chars[end], '(' | ')' | '"')
            {
                end += 1;
            }
            let word: String = chars[i..end].iter().collect();
            out.push(Lexeme::Word(Scope::Any, word));
            i = end.max(i + 1);
            continue;
        }
        let word: String = chars[start..end].iter().collect();
        out.push(match word.as_str() {
            "OR" | "||" if scope == Scope::Any => Lexeme::Or,
            "AND" | "&&" if scope == Scope::Any => Lexeme::And,
            "NOT" if scope == Scope::Any => Lexeme::Not,
            _ => Lexeme::Word(scope, word),
        });
        i = end;
    }
    Ok(out)
}

/// Reads an optional `field:` prefix at `i`; returns the scope and where the term starts.
fn scoped_start(chars: &[char], i: usize) -> (Scope, usize) {
    let mut j = i;
    while j < chars.len() && chars[j].is_alphabetic() {
        j += 1;
    }
    if j > i && chars.get(j) == Some(&':') {
        let name: String = chars[i..j].iter().collect();
        if let Some(scope) = scope_of(&name) {
            return (scope, j + 1);
        }
    }
    (Scope::Any, i)
}

/// Parentheses nested deeper than this are not a query anyone means: the input falls back to
/// its plain words instead of recursing until the stack overflows.
const MAX_NESTING: usize = 32;

struct Parser {
    lexemes: Vec<Lexeme>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Lexeme> {
        self.lexemes.get(self.at)
    }

    fn or_expr(&mut self) -> Result<Expr, ParseError> {
        let mut alternatives = vec![self.and_expr()?];
        while self.peek() == Some(&Lexeme::Or) {
            self.at += 1;
            alternatives.push(self.and_expr()?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.pop().expect("one alternative")
        } else {
            Expr::Or(alternatives)
        })
    }

    fn and_expr(&mut self) -> Result<Expr, ParseError> {
        let mut parts = Vec::new();
        loop {
            match self.peek() {
                None | Some(Lexeme::Close) | Some(Lexeme::Or) => break,
                Some(Lexeme::And) => {
                    self.at += 1;
                    continue;
                }
                _ => parts.push(self.unary()?),
            }
        }
        match parts.len() {
            0 => Err(ParseError),
            1 => Ok(parts.pop().expect("one part")),
            _ => Ok(Expr::And(parts)),
        }
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        match self.peek() {
            Some(Lexeme::Not) | Some(Lexeme::Minus) => {
                self.at += 1;
                Ok(Expr::Not(Box::new(self.primary()?)))
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let lexeme = self.peek().cloned().ok_or(ParseError)?;
        self.at += 1;
        match lexeme {
            Lexeme::Open => {
                if self.depth == MAX_NESTING {
                    return Err(ParseError);
                }
                self.depth += 1;
                let inner = self.or_expr()?;
                self.depth -= 1;
                if self.peek() != Some(&Lexeme::Close) {
                    return Err(ParseError);
                }
                self.at += 1;
                Ok(inner)
            }
            Lexeme::Word(scope, text) => Ok(Expr::Term(TermExpr {
                scope,
                text,
                quoted: false,
            })),
            Lexeme::Phrase(scope, text) => Ok(Expr::Term(TermExpr {
                scope,
                text,
                quoted: true,
            })),
            _ => Err(ParseError),
        }
    }
}

/// The query's plain words, for the fallback: operators and punctuation become spaces.
fn plain_words(input: &str) -> Option<Expr> {
    let cleaned: String = input
        .chars()
        .map(|c| {
            if matches!(c, '"' | '“' | '”' | '(' | ')') || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let terms: Vec<Expr> = cleaned
        .split_whitespace()
        .filter(|w| !matches!(*w, "OR" | "AND" | "NOT" | "-" | "+"))
        .map(|w| {
            Expr::Term(TermExpr {
                scope: Scope::Any,
                text: w.trim_start_matches(['-', '+']).to_owned(),
                quoted: false,
            })
        })
        .collect();
    match terms.len() {
        0 => None,
        1 => terms.into_iter().next(),
        _ => Some(Expr::And(terms)),
    }
}

/// Parses the query language; never fails: what does not parse is read as its plain words.
pub fn parse(input: &str) -> ParsedQuery {
    let explicit = input.contains(['"', '“', '(', ')'])
        || input
            .split_whitespace()
            .any(|w| matches!(w, "OR" | "AND" | "NOT") || (w.len() > 1 && w.starts_with('-')));
    if input.trim().is_empty() {
        return ParsedQuery {
            expr: None,
            fallback: false,
            explicit: false,
        };
    }
    let parsed = lex(input).and_then(|lexemes| {
        let mut parser = Parser {
            lexemes,
            at: 0,
            depth: 0,
        };
        let expr = parser.or_expr()?;
        if parser.at != parser.lexemes.len() {
            return Err(ParseError);
        }
        Ok(expr)
    });
    match parsed {
        Ok(expr) => ParsedQuery {
            expr: Some(expr),
            fallback: false,
            explicit,
        },
        Err(ParseError) => ParsedQuery {
            expr: plain_words(input),
            fallback: true,
            explicit: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> Expr {
        Expr::Term(TermExpr {
            scope: Scope::Any,
            text: text.into(),
            quoted: false,
        })
    }

    #[test]
    fn bare_words_are_a_conjunction() {
        let q = parse("Nghị quyết Trung ương 4");
        assert_eq!(
            q.expr,
            Some(Expr::And(vec![
                word("Nghị"),
                word("quyết"),
                word("Trung"),
                word("ương"),
                word("4")
            ]))
        );
        assert!(!q.fallback && !q.explicit);
    }

    #[test]
    fn operators_phrases_and_scopes() {
        let q = parse(r#"title:"Hòa Bình" OR -captcha NOT (a b)"#);
        let Some(Expr::Or(parts)) = q.expr else {
            panic!("{q:?}")
        };
        assert_eq!(
            parts[0],
            Expr::Term(TermExpr {
                scope: Scope::Title,
                text: "Hòa Bình".into(),
                quoted: true
            })
        );
        assert_eq!(
            parts[1],
            Expr::And(vec![
                Expr::Not(Box::new(word("captcha"))),
                Expr::Not(Box::new(Expr::And(vec![word("a"), word("b")])))
            ])
        );
        assert!(q.explicit);
    }

    #[test]
    fn symbols_are_words_not_negations() {
        assert_eq!(parse("35-CT/TW").expr, Some(word("35-CT/TW")));
        assert_eq!(parse("2020-2025").expr, Some(word("2020-2025")));
    }

    #[test]
    fn broken_queries_fall_back_to_their_words() {
        for input in [
            r#""unbalanced quote"#,
            "(open",
            "a OR",
            "NOT",
            "close)",
            "OR OR",
        ] {
            let q = parse(input);
            assert!(q.fallback, "{input}");
        }
        assert_eq!(
            parse(r#""tinh giản"#).expr,
            Some(Expr::And(vec![word("tinh"), word("giản")]))
        );
        assert_eq!(parse("OR").expr, None);
    }

    #[test]
    fn deep_nesting_falls_back_instead_of_overflowing() {
        let deep = format!("{}Đảng{}", "(".repeat(10_000), ")".repeat(10_000));
        let q = parse(&deep);
        assert!(q.fallback);
        assert_eq!(q.expr, Some(word("Đảng")));
        let fine = format!("{}Đảng{}", "(".repeat(MAX_NESTING), ")".repeat(MAX_NESTING));
        assert!(!parse(&fine).fallback);
    }

    #[test]
    fn unknown_fields_are_plain_words() {
        assert_eq!(parse("foo:bar").expr, Some(word("foo:bar")));
    }
}
