//! Funding charts: a company's rounds (or an investor's deals) as bars on a time axis, their
//! height the amount in US dollars, valuation reports as points on a second axis. Amounts in
//! other currencies are converted at the year's average rate and marked "≈"; the stated figure
//! stays in the caption under the plot.
//!
//! The picture is drawn by `plotters` into memory with a font bundled with the program
//! (DejaVu Sans, `assets/fonts/`), so nothing depends on the fonts a server has, and encoded as
//! PNG by `image`. It is drawn on its own light card, legible on Discord's dark and light themes.

use std::sync::Once;

use chrono::{Datelike, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

use crate::answer::group::RoundGroup;
use crate::facts::{fx, Money, Role, RoundType};

/// Width of the picture in pixels (Discord shows attachments up to about 550 px wide in an
/// embed; twice that stays sharp when it is scaled down or opened).
pub const WIDTH: u32 = 1100;
/// Height of the plot part; the caption adds lines below it.
pub const PLOT_HEIGHT: u32 = 560;
const CAPTION_LINE: u32 = 24;
const MAX_CAPTION_LINES: usize = 8;

const BACKGROUND: RGBColor = RGBColor(250, 250, 247);
const INK: RGBColor = RGBColor(32, 34, 40);
const GRID: RGBColor = RGBColor(222, 222, 216);
const BAR: RGBColor = RGBColor(59, 110, 181);
const BAR_LEAD: RGBColor = RGBColor(214, 120, 36);
const BAR_CONVERTED: RGBColor = RGBColor(120, 156, 206);
const VALUATION: RGBColor = RGBColor(46, 139, 87);
const DISPUTED: RGBColor = RGBColor(196, 40, 52);
const MUTED: RGBColor = RGBColor(110, 112, 118);

static FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const FAMILY: &str = "fundbot-sans";

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for style in [FontStyle::Normal, FontStyle::Bold] {
            plotters::style::register_font(FAMILY, style, FONT)
                .unwrap_or_else(|_| panic!("bundled font is a valid TrueType font"));
        }
    });
}

/// One bar: a round (or, for an investor, a deal).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// When it was announced (its first date).
    pub date: NaiveDate,
    /// Its amount in US dollars (converted when stated otherwise); `None` when no amount is
    /// stated (drawn as a marker on the axis).
    pub usd: Option<u64>,
    /// The amount as stated ("€18 million").
    pub stated: Option<String>,
    /// Whether `usd` is a conversion.
    pub converted: bool,
    /// "Series C" (company chart) or "Acme · Series C" (investor chart).
    pub label: String,
    /// Lead investors, for the company chart's label.
    pub leads: Vec<String>,
    /// The investor led it (investor chart).
    pub led: bool,
    /// Sources give different amounts.
    pub amounts_differ: bool,
}

/// One valuation report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// The round's date.
    pub date: NaiveDate,
    /// The figure in US dollars.
    pub usd: u64,
    /// As stated, with its source ("$3 billion, according to Bloomberg").
    pub stated: String,
    /// Another source reports a different valuation for the same round.
    pub disputed: bool,
}

/// What one chart shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// "SenseTime: funding rounds".
    pub title: String,
    /// Bars, oldest first.
    pub bars: Vec<Bar>,
    /// Valuation reports, oldest first.
    pub valuations: Vec<Point>,
    /// Rounds that cannot be placed: no date, or an amount in a currency without a rate.
    pub left_out: Vec<String>,
}

impl Series {
    /// Whether there is anything to draw: a dated round with an amount, or a valuation.
    pub fn drawable(&self) -> bool {
        self.bars.iter().any(|b| b.usd.is_some()) || !self.valuations.is_empty()
    }

    /// Why there is no picture, as a sentence; `None` when there is one.
    pub fn why_not(&self) -> Option<String> {
        if self.drawable() {
            return None;
        }
        let who = self.title.split(':').next().unwrap_or("This company");
        Some(if self.bars.is_empty() && self.left_out.is_empty() {
            format!("I have no rounds for {who} to chart.")
        } else {
            format!("None of {who}'s rounds on record has both a date and an amount, so there is nothing to chart.")
        })
    }
}

/// The chart data of a company's rounds.
pub fn company_series(company: &str, groups: &[RoundGroup]) -> Series {
    let mut s = Series {
        title: format!("{company}: funding rounds"),
        bars: Vec::new(),
        valuations: Vec::new(),
        left_out: Vec::new(),
    };
    for g in groups {
        let label = round_label(g.round);
        let leads: Vec<String> = g
            .investors(Role::Lead)
            .into_iter()
            .map(|l| l.value)
            .collect();
        push_round(&mut s, g, label, leads, false);
    }
    s.bars.sort_by_key(|b| b.date);
    s.valuations.sort_by_key(|p| p.date);
    s
}

/// The chart data of an investor's deals (`led` says which rounds it led).
pub fn investor_series(investor: &str, deals: &[(RoundGroup, bool)]) -> Series {
    let mut s = Series {
        title: format!("{investor}: deals on record"),
        bars: Vec::new(),
        valuations: Vec::new(),
        left_out: Vec::new(),
    };
    for (g, led) in deals {
        let label = format!("{} · {}", g.company, round_label(g.round));
        push_round(&mut s, g, label, Vec::new(), *led);
    }
    s.bars.sort_by_key(|b| b.date);
    s.valuations.clear();
    s
}

fn round_label(r: RoundType) -> String {
    match r {
        RoundType::Unknown => "Round".to_string(),
        other => {
            let l = other.label();
            let l = l.trim_end_matches(" round");
            let mut c = l.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => l.to_string(),
            }
        }
    }
}

fn push_round(s: &mut Series, g: &RoundGroup, label: String, leads: Vec<String>, led: bool) {
    let amounts = g.amounts();
    let amount: Option<Money> = amounts.first().map(|a| a.value.clone());
    let Some(date) = g.first_date().map(|d| d.date) else {
        let what = match &amount {
            Some(a) => format!("{label} ({a}, no date)"),
            None => format!("{label} (no date)"),
        };
        s.left_out.push(what);
        return;
    };
    let year = date.year();
    let usd = amount.as_ref().and_then(|a| fx::to_usd(a, year));
    if let (Some(a), None) = (&amount, usd) {
        s.left_out.push(format!(
            "{label} ({a}: no exchange rate for {})",
            a.currency
        ));
        return;
    }
    s.bars.push(Bar {
        date,
        usd,
        stated: amount.as_ref().map(|a| a.to_string()),
        converted: amount.as_ref().is_some_and(|a| a.currency != "USD"),
        label,
        leads,
        led,
        amounts_differ: amounts.len() > 1,
    });
    let vals = g.valuations();
    let disputed = vals.len() > 1;
    for v in vals {
        if let Some(usd) = fx::to_usd(&v.value.amount, year) {
            s.valuations.push(Point {
                date,
                usd,
                stated: crate::answer::reply::valuation_text(&v.value),
                disputed,
            });
        }
    }
}

/// "$600M", "$1.5B", "$800K".
fn short_usd(usd: f64) -> String {
    if usd >= 1e9 {
        format!("${}B", trim(usd / 1e9))
    } else if usd >= 1e6 {
        format!("${}M", trim(usd / 1e6))
    } else if usd >= 1e3 {
        format!("${}K", trim(usd / 1e3))
    } else {
        format!("${usd:.0}")
    }
}

fn trim(x: f64) -> String {
    let s = if x >= 100.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    };
    s.trim_end_matches(".0").to_string()
}

/// The caption lines under the plot: converted figures with their stated amount, disputed
/// figures, and what could not be placed.
pub fn caption(series: &Series) -> Vec<String> {
    let mut lines = Vec::new();
    for b in &series.bars {
        let month = b.date.format("%b %Y");
        if let (true, Some(usd), Some(stated)) = (b.converted, b.usd, &b.stated) {
            lines.push(format!(
                "{} ({month}): {stated} ≈ {} at that year's average rate",
                b.label,
                crate::answer::rounds::rounded_usd(usd)
            ));
        }
        if b.amounts_differ {
            lines.push(format!(
                "{} ({month}): sources give different amounts; the most reported is drawn",
                b.label
            ));
        }
    }
    let disputed: Vec<&Point> = series.valuations.iter().filter(|p| p.disputed).collect();
    if !disputed.is_empty() {
        let texts: Vec<&str> = disputed.iter().map(|p| p.stated.as_str()).collect();
        lines.push(format!("Valuations differ (red): {}", texts.join(" vs ")));
    }
    if !series.left_out.is_empty() {
        lines.push(format!("Not drawn: {}", series.left_out.join("; ")));
    }
    if lines.len() > MAX_CAPTION_LINES {
        let more = lines.len() - (MAX_CAPTION_LINES - 1);
        lines.truncate(MAX_CAPTION_LINES - 1);
        lines.push(format!("… and {more} more notes"));
    }
    lines
}

/// Days since the Unix epoch, the time axis's unit.
fn day(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days() as i32
}

fn from_day(n: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch") + chrono::Duration::days(n as i64)
}

/// Why a picture could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// Nothing to draw; the sentence says why.
    #[error("{0}")]
    Nothing(String),
    /// The drawing library failed.
    #[error("drawing the chart failed: {0}")]
    Draw(String),
}

fn draw_err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Draws `series` as a PNG.
pub fn render_png(series: &Series) -> Result<Vec<u8>, ChartError> {
    if let Some(why) = series.why_not() {
        return Err(ChartError::Nothing(why));
    }
    register_font();
    let notes = caption(series);
    let height = PLOT_HEIGHT + 16 + CAPTION_LINE * notes.len() as u32;
    let mut pixels = vec![0u8; (WIDTH * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (WIDTH, height)).into_drawing_area();
        root.fill(&BACKGROUND).map_err(draw_err)?;
        let (plot, below) = root.split_vertically(PLOT_HEIGHT);
        draw_plot(&plot, series)?;
        let style = (FAMILY, 16).into_font().color(&INK);
        for (i, line) in notes.iter().enumerate() {
            below
                .draw_text(line, &style, (24, 8 + (i as i32) * CAPTION_LINE as i32))
                .map_err(draw_err)?;
        }
        root.present().map_err(draw_err)?;
    }
    let image = image::RgbImage::from_raw(WIDTH, height, pixels)
        .ok_or_else(|| ChartError::Draw("pixel buffer has the wrong size".into()))?;
    let mut png = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(draw_err)?;
    Ok(png)
}

fn draw_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    series: &Series,
) -> Result<(), ChartError> {
    let dates: Vec<i32> = series
        .bars
        .iter()
        .map(|b| day(b.date))
        .chain(series.valuations.iter().map(|p| day(p.date)))
        .collect();
    let (first, last) = (
        *dates.iter().min().expect("drawable has a date"),
        *dates.iter().max().expect("drawable has a date"),
    );
    // At least a year wide, centred on a lone round, with room either side for the outer bars
    // and their labels.
    let widen = (365 - (last - first)).max(0) / 2;
    let (first, last) = (first - widen, last + widen);
    let pad = (last - first) / 8 + 30;
    let (x0, x1) = (first - pad, last + pad);
    let bar_half = ((x1 - x0) / 90).max(4);

    let top_usd = series
        .bars
        .iter()
        .filter_map(|b| b.usd)
        .max()
        .unwrap_or(1_000_000) as f64;
    let top_val = series.valuations.iter().map(|p| p.usd).max().unwrap_or(0) as f64;
    let y_top = top_usd * 1.3;
    let v_top = if top_val > 0.0 { top_val * 1.25 } else { y_top };

    let mut chart = ChartBuilder::on(area)
        .caption(&series.title, (FAMILY, 26).into_font().color(&INK))
        .margin(18)
        .margin_right(40)
        .x_label_area_size(36)
        .y_label_area_size(78)
        .right_y_label_area_size(if series.valuations.is_empty() { 0 } else { 78 })
        .build_cartesian_2d(x0..x1, 0f64..y_top)
        .map_err(draw_err)?
        .set_secondary_coord(x0..x1, 0f64..v_top);

    let label_style = (FAMILY, 15).into_font().color(&INK);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(BACKGROUND)
        .bold_line_style(GRID)
        .axis_style(MUTED)
        .x_labels(7)
        .y_labels(6)
        .x_label_formatter(&|d| from_day(*d).format("%b %Y").to_string())
        .y_label_formatter(&|v| short_usd(*v))
        .y_desc("Round size (US$)")
        .label_style(label_style.clone())
        .axis_desc_style((FAMILY, 15).into_font().color(&MUTED))
        .draw()
        .map_err(draw_err)?;
    if !series.valuations.is_empty() {
        chart
            .configure_secondary_axes()
            .y_labels(6)
            .y_label_formatter(&|v| short_usd(*v))
            .y_desc("Valuation (US$)")
            .label_style(label_style.clone())
            .axis_desc_style((FAMILY, 15).into_font().color(&VALUATION))
            .axis_style(MUTED)
            .draw()
            .map_err(draw_err)?;
    }

    // Bars first, then their labels: the amount above each bar and the round (and lead) above
    // that. Labels are placed tallest bar first and one that would run into a placed label is
    // left out, so close rounds stay readable; the notes and `/funding` give every figure.
    let days_per_char = 8.0 * (x1 - x0) as f64 / 900.0;
    let line = y_top * 0.045;
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut place = |x: i32, chars: usize, bottom: f64| -> bool {
        let half = chars as f64 * days_per_char / 2.0;
        let (l, r, lo, hi) = (x as f64 - half, x as f64 + half, bottom, bottom + line);
        if placed
            .iter()
            .any(|&(pl, pr, plo, phi)| l < pr && pl < r && lo < phi && plo < hi)
        {
            return false;
        }
        placed.push((l, r, lo, hi));
        true
    };
    let colour_of = |b: &Bar| {
        if b.led {
            BAR_LEAD
        } else if b.converted {
            BAR_CONVERTED
        } else {
            BAR
        }
    };
    for b in &series.bars {
        let x = day(b.date);
        match b.usd {
            Some(usd) => {
                let h = (usd as f64).max(y_top * 0.004);
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x - bar_half, 0.0), (x + bar_half, h)],
                        colour_of(b).filled(),
                    )))
                    .map_err(draw_err)?;
            }
            None => {
                // A dated round without an amount: a hollow marker on the axis.
                chart
                    .draw_series(std::iter::once(TriangleMarker::new(
                        (x, y_top * 0.012),
                        7,
                        colour_of(b).stroke_width(2),
                    )))
                    .map_err(draw_err)?;
            }
        }
    }
    let mut by_height: Vec<&Bar> = series.bars.iter().collect();
    by_height.sort_by_key(|b| std::cmp::Reverse(b.usd));
    let above = |size: u32, colour: &RGBColor| {
        (FAMILY, size)
            .into_font()
            .color(colour)
            .pos(Pos::new(HPos::Center, VPos::Bottom))
    };
    for b in by_height {
        let x = day(b.date);
        let (amount, h) = match b.usd {
            Some(usd) => (
                format!(
                    "{}{}{}",
                    if b.converted { "≈" } else { "" },
                    short_usd(usd as f64),
                    if b.amounts_differ { "*" } else { "" }
                ),
                (usd as f64).max(y_top * 0.004),
            ),
            None => ("amount not stated".to_string(), y_top * 0.03),
        };
        if place(x, amount.chars().count(), h) {
            chart
                .draw_series(std::iter::once(Text::new(amount, (x, h), above(14, &INK))))
                .map_err(draw_err)?;
        }
        let mut name = b.label.clone();
        if let Some(lead) = b.leads.first() {
            name.push_str(&format!(" · {lead}"));
        }
        let name: String = name.chars().take(34).collect();
        if place(x, name.chars().count(), h + line) {
            chart
                .draw_series(std::iter::once(Text::new(
                    name,
                    (x, h + line),
                    above(13, &MUTED),
                )))
                .map_err(draw_err)?;
        }
    }

    // Valuations: filled green circles; red crosses where sources disagree. They sit just right
    // of their round's bar so they never cover its labels.
    for p in &series.valuations {
        let pos = (day(p.date) + bar_half * 3, p.usd as f64);
        if p.disputed {
            chart
                .draw_secondary_series(std::iter::once(Cross::new(
                    pos,
                    8,
                    DISPUTED.stroke_width(3),
                )))
                .map_err(draw_err)?;
        } else {
            chart
                .draw_secondary_series(std::iter::once(Circle::new(pos, 7, VALUATION.filled())))
                .map_err(draw_err)?;
        }
        chart
            .draw_secondary_series(std::iter::once(Text::new(
                short_usd(p.usd as f64),
                (pos.0 + bar_half + 2, pos.1),
                (FAMILY, 13)
                    .into_font()
                    .color(if p.disputed { &DISPUTED } else { &VALUATION })
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            )))
            .map_err(draw_err)?;
    }

    // A small key in the top-left corner.
    let mut key: Vec<(RGBColor, &str)> = Vec::new();
    if series.bars.iter().any(|b| b.led) {
        key.push((BAR_LEAD, "led"));
        key.push((BAR, "joined"));
    } else {
        key.push((BAR, "round size"));
    }
    if series.bars.iter().any(|b| b.converted && !b.led) {
        key.push((BAR_CONVERTED, "≈ converted to US$"));
    }
    if !series.valuations.is_empty() {
        key.push((VALUATION, "valuation (right axis)"));
    }
    if series.valuations.iter().any(|p| p.disputed) {
        key.push((DISPUTED, "valuations differ"));
    }
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let base = area.get_base_pixel();
    for (i, (colour, text)) in key.iter().enumerate() {
        let y = yr.start - base.1 + 10 + i as i32 * 20;
        let x = xr.start - base.0 + 12;
        area.draw(&Rectangle::new([(x, y), (x + 12, y + 12)], colour.filled()))
            .map_err(draw_err)?;
        area.draw_text(text, &(FAMILY, 14).into_font().color(&INK), (x + 18, y - 1))
            .map_err(draw_err)?;
    }
    Ok(())
}

/// A chart asked for by name: the picture, or the sentence saying why there is none.
#[derive(Debug, Clone, Serialize)]
pub struct ChartReply {
    /// The company or investor found.
    pub subject: Option<String>,
    /// What the picture shows.
    pub series: Option<Series>,
    /// The PNG (not in JSON output).
    #[serde(skip)]
    pub png: Option<Vec<u8>>,
    /// Notes under the picture, or why there is no picture.
    pub message: String,
    /// Close names when the name was not clear.
    pub suggestions: Vec<String>,
}

impl ChartReply {
    fn from_series(subject: String, series: Series) -> crate::error::Result<Self> {
        match render_png(&series) {
            Ok(png) => Ok(ChartReply {
                subject: Some(subject),
                message: caption(&series).join("\n"),
                series: Some(series),
                png: Some(png),
                suggestions: Vec::new(),
            }),
            Err(ChartError::Nothing(why)) => Ok(ChartReply {
                subject: Some(subject),
                series: Some(series),
                png: None,
                message: why,
                suggestions: Vec::new(),
            }),
            Err(e) => Err(crate::error::Error::Invalid(e.to_string())),
        }
    }

    fn not_found(message: String, suggestions: Vec<String>) -> Self {
        ChartReply {
            subject: None,
            series: None,
            png: None,
            message,
            suggestions,
        }
    }
}

/// The chart of the company `name` stands for.
pub fn company_chart(
    store: &crate::facts::store::FactStore,
    name: &str,
) -> crate::error::Result<ChartReply> {
    match crate::answer::company_groups(store, name)? {
        Ok((company, groups)) => {
            ChartReply::from_series(company.clone(), company_series(&company, &groups))
        }
        Err(close) if !close.is_empty() => Ok(ChartReply::not_found(
            format!(
                "I'm not sure which company {name:?} is: did you mean {}?",
                close.join(", ")
            ),
            close,
        )),
        Err(_) => Ok(ChartReply::not_found(
            format!("I have no funding rounds for {name:?}."),
            Vec::new(),
        )),
    }
}

/// The chart of the investor `name` stands for.
pub fn investor_chart(
    store: &crate::facts::store::FactStore,
    name: &str,
) -> crate::error::Result<ChartReply> {
    match crate::answer::investor_groups(store, name)? {
        Some((investor, deals)) => {
            ChartReply::from_series(investor.clone(), investor_series(&investor, &deals))
        }
        None => Ok(ChartReply::not_found(
            format!("I have no rounds with an investor named {name:?}."),
            Vec::new(),
        )),
    }
}

/// A made-up company with `n` rounds over the years, in dollars, euros and yen, with
/// valuations (the last one reported two ways): the benchmark's chart.
pub fn sample_series(n: usize) -> Series {
    let mut groups = Vec::new();
    for i in 0..n {
        let year = 2012 + (i * 13 / n.max(1)) as i32;
        let month = (i % 12) as u32 + 1;
        let currency = ["USD", "EUR", "JPY"][i % 3];
        let scale = if currency == "JPY" { 150 } else { 1 };
        let kind = if i < 10 {
            RoundType::Series(i as u8)
        } else {
            RoundType::Growth
        };
        let mut accounts = Vec::new();
        for source in 0..if i + 1 == n { 2 } else { 1 } {
            let mut r = crate::facts::Round::new("Sample Co", kind, format!("a{i}-{source}.md"));
            r.amount = Some(Money::new(
                (2_000_000 + 9_000_000 * i as u64) * scale,
                currency,
            ));
            r.date = crate::facts::DateRef::month(year, month);
            r.valuations.push(crate::facts::Valuation {
                amount: Money::new(50_000_000 * (i as u64 + 1) * (source + 1), "USD"),
                amount_max: None,
                qualifier: crate::facts::Qualifier::Exact,
                basis: crate::facts::Basis::Unspecified,
                attribution: None,
                evidence: None,
            });
            accounts.push(r);
        }
        groups.push(RoundGroup {
            company: "Sample Co".into(),
            round: kind,
            accounts,
        });
    }
    company_series("Sample Co", &groups)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Basis, DateRef, Participation, Qualifier, Round, Valuation};

    fn account(kind: RoundType, amount: Option<Money>, date: &str, article: &str) -> Round {
        let mut r = Round::new("Tallow Robotics", kind, article);
        r.amount = amount;
        r.date = DateRef::parse_iso(date);
        r
    }

    fn valuation(usd: u64, by: &str) -> Valuation {
        Valuation {
            amount: Money::new(usd, "USD"),
            amount_max: None,
            qualifier: Qualifier::Exact,
            basis: Basis::Unspecified,
            attribution: Some(by.into()),
            evidence: None,
        }
    }

    fn groups() -> Vec<RoundGroup> {
        let mut seed = account(
            RoundType::Seed,
            Some(Money::new(3_000_000, "EUR")),
            "2021-03",
            "a.md",
        );
        seed.investors.push(Participation {
            name: "Kestrel Ventures".into(),
            role: Role::Lead,
            evidence: None,
        });
        let mut b1 = account(
            RoundType::Series(1),
            Some(Money::new(40_000_000, "USD")),
            "2023-06-10",
            "b.md",
        );
        b1.valuations.push(valuation(300_000_000, "the Ledger"));
        let mut b2 = account(
            RoundType::Series(1),
            Some(Money::new(40_000_000, "USD")),
            "2023-06",
            "c.md",
        );
        b2.valuations.push(valuation(350_000_000, "the Courier"));
        let undated = account(
            RoundType::Series(0),
            Some(Money::new(12_000_000, "USD")),
            "",
            "d.md",
        );
        let mut all = crate::answer::group(vec![seed]);
        all.extend(crate::answer::group(vec![b1, b2]));
        all.extend(crate::answer::group(vec![undated]));
        all
    }

    #[test]
    fn a_company_chart_takes_its_bars_points_and_notes_from_the_rounds() {
        let s = company_series("Tallow Robotics", &groups());
        assert_eq!(s.bars.len(), 2, "{s:#?}");
        let seed = &s.bars[0];
        assert_eq!(seed.label, "Seed");
        assert!(seed.converted);
        assert_eq!(seed.stated.as_deref(), Some("€3 million"));
        assert_eq!(seed.leads, vec!["Kestrel Ventures".to_string()]);
        // €3 million in 2021 at about 0.85 euro to the dollar.
        let usd = seed.usd.unwrap();
        assert!((3_400_000..3_700_000).contains(&usd), "{usd}");
        let b = &s.bars[1];
        assert_eq!(
            (b.label.as_str(), b.usd, b.converted),
            ("Series B", Some(40_000_000), false)
        );
        // Two sources, two valuations: both drawn, both marked as disputed.
        assert_eq!(s.valuations.len(), 2);
        assert!(s.valuations.iter().all(|p| p.disputed));
        // The undated Series A is named, not dropped silently.
        assert_eq!(
            s.left_out,
            vec!["Series A ($12 million, no date)".to_string()]
        );
        let notes = caption(&s).join("\n");
        assert!(notes.contains("€3 million ≈ $3.5"), "{notes}");
        assert!(notes.contains("Valuations differ"), "{notes}");
        assert!(notes.contains("Not drawn: Series A"), "{notes}");
    }

    #[test]
    fn nothing_to_draw_is_said_in_a_sentence_not_an_empty_axis() {
        let none = company_series("Quiet Co", &[]);
        assert!(
            matches!(render_png(&none), Err(ChartError::Nothing(s)) if s.contains("no rounds for Quiet Co"))
        );
        let undated = account(RoundType::Seed, None, "", "x.md");
        let s = company_series("Quiet Co", &crate::answer::group(vec![undated]));
        let err = render_png(&s).unwrap_err().to_string();
        assert!(err.contains("both a date and an amount"), "{err}");
    }

    #[test]
    fn the_png_decodes_at_the_promised_size() {
        let s = company_series("Tallow Robotics", &groups());
        let png = render_png(&s).unwrap();
        let img = image::load_from_memory_with_format(&png, image::ImageFormat::Png).unwrap();
        assert_eq!(img.width(), WIDTH);
        let lines = caption(&s).len() as u32;
        assert_eq!(img.height(), PLOT_HEIGHT + 16 + CAPTION_LINE * lines);
        // Something was drawn in the bar colour.
        let rgb = img.to_rgb8();
        assert!(rgb.pixels().any(|p| p.0 == [BAR.0, BAR.1, BAR.2]));
    }

    #[test]
    fn an_investor_chart_marks_the_deals_it_led() {
        let deals: Vec<(RoundGroup, bool)> = groups()
            .into_iter()
            .enumerate()
            .map(|(i, g)| (g, i == 0))
            .collect();
        let s = investor_series("Kestrel Ventures", &deals);
        assert_eq!(s.title, "Kestrel Ventures: deals on record");
        assert_eq!(s.bars[0].label, "Tallow Robotics · Seed");
        assert!(s.bars[0].led && !s.bars[1].led);
        assert!(s.valuations.is_empty());
        assert!(render_png(&s).is_ok());
    }
}
