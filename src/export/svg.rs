//! The scene as SVG, written directly, with text kept as text so that the file
//! can be edited and searched. The PNG exporter rasterises this same SVG.

use std::fmt::Write;

use crate::layout::scene::Scene;

/// Light or dark picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

struct Colours {
    background: &'static str,
    band: &'static str,
    text: &'static str,
    muted: &'static str,
    grid: &'static str,
}

fn colours(theme: Theme) -> Colours {
    match theme {
        Theme::Light => Colours { background: "#ffffff", band: "#f3f4f6", text: "#1f2328", muted: "#57606a", grid: "#d0d7de" },
        Theme::Dark => Colours { background: "#16181d", band: "#1f232a", text: "#e6edf3", muted: "#9198a1", grid: "#3a404a" },
    }
}

use crate::layout::{PALETTE, lane_rgb};

/// Lane `i`'s colour (`layout::PALETTE`, as in the window) as `#rrggbb`.
pub fn lane_colour(i: usize) -> String {
    let [r, g, b] = lane_rgb(i);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The font family named in the SVG; the PNG exporter loads exactly this font.
pub const FONT_FAMILY: &str = "DejaVu Sans";

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

pub fn to_svg(scene: &Scene, theme: Theme, font_size: f32) -> String {
    let c = colours(theme);
    let (w, h) = (scene.width, scene.height);
    let p = &scene.plot;
    let mut s = String::with_capacity(4096 + scene.marks.len() * 120);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" font-size="{font_size}">"#
    );
    let _ = writeln!(s, r#"<title>{}</title>"#, esc(&scene.title));
    // Gradients for vague ranges, one per lane colour: solid in the middle, fading at both ends.
    s.push_str("<defs>\n");
    for i in 0..PALETTE.len() {
        let col = lane_colour(i);
        let _ = writeln!(
            s,
            r#"<linearGradient id="fuzzy{i}"><stop offset="0" stop-color="{col}" stop-opacity="0.15"/><stop offset="0.2" stop-color="{col}" stop-opacity="0.85"/><stop offset="0.8" stop-color="{col}" stop-opacity="0.85"/><stop offset="1" stop-color="{col}" stop-opacity="0.15"/></linearGradient>"#
        );
    }
    s.push_str("</defs>\n");
    let _ = writeln!(s, r#"<rect width="{w}" height="{h}" fill="{}"/>"#, c.background);
    if !scene.title.is_empty() {
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" font-size="{}" font-weight="bold" fill="{}">{}</text>"#,
            p.left,
            font_size * 1.8,
            font_size * 1.4,
            c.text,
            esc(&scene.title)
        );
    }
    // Lanes.
    s.push_str("<g id=\"lanes\">\n");
    for (i, band) in scene.lanes.iter().enumerate() {
        if i % 2 == 0 {
            let _ = writeln!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                p.left,
                band.top,
                p.right - p.left,
                band.bottom - band.top,
                c.band
            );
        }
    }
    s.push_str("</g>\n");
    // Axis and grid.
    s.push_str("<g id=\"axis\">\n");
    let _ = writeln!(s, r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>"#, p.left, p.bottom, p.right, p.bottom, c.muted);
    for (x, label) in &scene.ticks {
        let _ = writeln!(s, r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{}" stroke-width="0.6"/>"#, p.top, p.bottom, c.grid);
        let _ = writeln!(s, r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{}"/>"#, p.bottom, p.bottom + 5.0, c.muted);
        let _ = writeln!(
            s,
            r#"<text x="{x}" y="{}" text-anchor="middle" fill="{}">{}</text>"#,
            p.bottom + font_size * 1.5,
            c.muted,
            esc(label)
        );
    }
    s.push_str("</g>\n");
    // Events: density bars where too many to draw one by one, then markers.
    s.push_str("<g id=\"clusters\">\n");
    for c in &scene.clusters {
        let _ = writeln!(
            s,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="{:.2}"><title>{} events</title></rect>"#,
            c.x0,
            c.top,
            (c.x1 - c.x0).max(1.0),
            c.bottom - c.top,
            lane_colour(c.lane),
            0.25 + 0.75 * c.density,
            c.count
        );
    }
    s.push_str("</g>\n");
    s.push_str("<g id=\"events\">\n");
    for m in &scene.marks {
        let col = lane_colour(m.lane);
        if m.point && m.inferred {
            // A date inferred from the story or the publication date: a hollow marker.
            let _ = writeln!(
                s,
                r#"<circle class="inferred" cx="{}" cy="{}" r="4.5" fill="{}" stroke="{col}" stroke-width="2"/>"#,
                (m.x0 + m.x1) / 2.0,
                m.y,
                c.background
            );
        } else if m.point {
            let _ = writeln!(
                s,
                r#"<circle cx="{}" cy="{}" r="5" fill="{col}" stroke="{}" stroke-width="1"/>"#,
                (m.x0 + m.x1) / 2.0,
                m.y,
                c.background
            );
        } else {
            let fill = if m.fuzzy { format!("url(#fuzzy{})", m.lane % PALETTE.len()) } else { col.clone() };
            let opacity = if m.inferred { r#" fill-opacity="0.4""# } else { "" };
            let _ = writeln!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="8" rx="3" fill="{fill}"{opacity}/>"#,
                m.x0,
                m.y - 4.0,
                (m.x1 - m.x0).max(1.0)
            );
        }
    }
    s.push_str("</g>\n<g id=\"labels\">\n");
    for l in &scene.labels {
        let (ax, ay) = l.anchor;
        let _ = writeln!(s, r#"<line x1="{ax}" y1="{}" x2="{ax}" y2="{}" stroke="{}" stroke-width="0.8"/>"#, l.y + 3.0, ay - 5.0, c.grid);
    }
    for l in &scene.labels {
        let _ = writeln!(s, r#"<text x="{}" y="{}" fill="{}">{}</text>"#, l.x, l.y, c.text, esc(&l.text));
    }
    s.push_str("</g>\n");
    // Legend of sources, one line per lane, as many as fit.
    s.push_str("<g id=\"legend\">\n");
    let lx = p.right + 16.0;
    let line_h = font_size * 1.5;
    // One line kept for the key to hollow markers, if any are drawn.
    let key = scene.marks.iter().any(|m| m.inferred);
    let fits = (((p.bottom - p.top) / line_h).floor().max(0.0) as usize).saturating_sub(usize::from(key));
    let max_chars = (((w - lx - 20.0) / (font_size * 0.62)).floor().max(4.0)) as usize;
    for (i, band) in scene.lanes.iter().enumerate().take(fits) {
        let y = p.top + line_h * (i as f32 + 0.8);
        let name = if i + 1 == fits && scene.lanes.len() > fits {
            format!("and {} more sources", scene.lanes.len() - i)
        } else {
            crate::layout::scene::label_text(&band.name, max_chars)
        };
        let _ = writeln!(s, r#"<rect x="{lx}" y="{}" width="10" height="10" rx="2" fill="{}"/>"#, y - 9.0, lane_colour(band.colour));
        let _ = writeln!(s, r#"<text x="{}" y="{y}" fill="{}">{}</text>"#, lx + 16.0, c.text, esc(&name));
    }
    // What the markers mean, under the sources.
    if key {
        let y = p.top + line_h * (scene.lanes.len().min(fits) as f32 + 1.3);
        let _ = writeln!(
            s,
            r#"<circle cx="{}" cy="{}" r="4.5" fill="{}" stroke="{}" stroke-width="2"/>"#,
            lx + 5.0,
            y - 4.0,
            c.background,
            c.muted
        );
        let _ = writeln!(s, r#"<text x="{}" y="{y}" fill="{}">date inferred, not written</text>"#, lx + 16.0, c.muted);
    }
    s.push_str("</g>\n");
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>"#,
        p.left,
        h - font_size * 0.7,
        font_size * 0.85,
        c.muted,
        esc(&scene.footer)
    );
    s.push_str("</svg>\n");
    s
}
