//! Fitting a queue's columns to the terminal (the highway queue, the matching radar): each column
//! has a least and a most width and a priority; the least important columns drop first, spare
//! cells widen the others, the title takes what is left, and nothing is cut off the edge silently.

/// The columns of `shown` (column, (least width, most width, priority: higher drops first)) that
/// fit `width` cells (2 go to the selection mark, 1 after each column), with their widths; the
/// `title` column takes what is left (at least `title_min` before another column drops).
pub(super) fn fit<C: Copy + PartialEq>(
    mut shown: Vec<(C, (usize, usize, u8))>,
    title: C,
    width: usize,
    title_min: usize,
) -> Vec<(C, usize)> {
    loop {
        let fixed: usize = shown.iter().map(|(_, s)| s.0 + 1).sum::<usize>() + 2;
        let worst = shown.iter().map(|(_, s)| s.2).max().unwrap_or(0);
        if width >= fixed + title_min || worst == 0 {
            let mut spare = width.saturating_sub(fixed + title_min * 3);
            let mut out: Vec<(C, usize)> = Vec::new();
            for (c, (least, most, _)) in &shown {
                let grow = most.saturating_sub(*least).min(spare);
                spare -= grow;
                out.push((*c, least + grow));
            }
            let used: usize = out.iter().map(|(_, w)| w + 1).sum::<usize>() + 2;
            let rest = width.saturating_sub(used).max(4);
            for c in &mut out {
                if c.0 == title {
                    c.1 = rest;
                }
            }
            return within(out, width);
        }
        if let Some(i) = shown.iter().rposition(|(_, s)| s.2 == worst) {
            shown.remove(i);
        }
    }
}

/// On a terminal too narrow even for the columns that always show: the columns that fit whole,
/// then the next one cut to what is left (it ends with `~`); none is cut off the edge silently.
fn within<C>(columns: Vec<(C, usize)>, width: usize) -> Vec<(C, usize)> {
    let mut left = width.saturating_sub(2);
    let mut out = Vec::new();
    for (column, w) in columns {
        if w < left {
            left -= w + 1;
            out.push((column, w));
        } else {
            if left >= 4 {
                out.push((column, left.saturating_sub(1)));
            }
            break;
        }
    }
    out
}
