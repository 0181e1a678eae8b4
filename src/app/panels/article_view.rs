//! The article view: an article's text with a mention's sentence highlighted and
//! scrolled into view.

use std::ops::Range;

use super::Command;
use crate::source::Article;
use crate::timeline::Mention;

/// What the article view shows: byte ranges into one article's text, worked
/// out once when it opens rather than on every frame.
pub struct ArticleView {
    pub article: usize,
    highlight: Range<usize>,
    /// The neighbourhood of the sentence: long articles are not laid out whole.
    shown: Range<usize>,
    /// Scroll to the highlight on the next frame.
    scroll: bool,
}

impl ArticleView {
    /// The view of `mention`'s sentence in its article's `text`: the byte range the
    /// mention recorded (the text is never searched); a timeline saved before
    /// sentences kept their place gives the sentence up to its date.
    pub fn of_mention(article: usize, text: &str, m: &Mention) -> ArticleView {
        let recorded = match (m.sentence_start, m.sentence_end) {
            (Some(s), Some(e)) if s < e && text.get(s..e).is_some() => Some(s..e),
            _ => None,
        };
        let range = recorded.unwrap_or_else(|| {
            let at = m.anchor().unwrap_or(0).min(text.len());
            let start = text.get(..at).and_then(|t| t.rfind(['.', '\n'])).map_or(0, |p| p + 1);
            start..m.end.unwrap_or(at)
        });
        ArticleView::new(article, text, range)
    }

    fn new(article: usize, text: &str, range: Range<usize>) -> ArticleView {
        let (s, e) = (range.start.min(text.len()), range.end.min(text.len()));
        let (s, e) = if text.is_char_boundary(s) && text.is_char_boundary(e) && s <= e { (s, e) } else { (0, 0) };
        let from = text[..s].char_indices().rev().nth(20_000).map_or(0, |(p, _)| p);
        let to = text[e..].char_indices().nth(20_000).map_or(text.len(), |(p, _)| e + p);
        ArticleView { article, highlight: s..e, shown: from..to, scroll: true }
    }

    pub fn highlight(&self) -> Range<usize> {
        self.highlight.clone()
    }

    pub fn show(&mut self, ctx: &egui::Context, article: &Article, out: &mut Vec<Command>) {
        let mut open = true;
        let scroll = std::mem::take(&mut self.scroll);
        egui::Window::new("Article").open(&mut open).default_size([560.0, 520.0]).show(ctx, |ui| {
            ui.strong(&article.title);
            egui::ScrollArea::vertical().show(ui, |ui| {
                let text = &article.text;
                ui.label(&text[self.shown.start..self.highlight.start]);
                let mark =
                    ui.label(egui::RichText::new(&text[self.highlight.clone()]).background_color(ui.visuals().selection.bg_fill).strong());
                if scroll {
                    mark.scroll_to_me(Some(egui::Align::Center));
                }
                ui.label(&text[self.highlight.end..self.shown.end]);
            });
        });
        if !open {
            out.push(Command::CloseArticle);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(sentence: &str, start: Option<usize>, end: Option<usize>) -> Mention {
        serde_json::from_value(serde_json::json!({
            "article": "a1", "sentence": sentence, "sentence_start": start, "sentence_end": end,
            "start": start.map(|s| s + 3), "end": start.map(|s| s + 9), "basis": "explicit"
        }))
        .unwrap()
    }

    #[test]
    fn the_recorded_sentence_is_highlighted() {
        let text = "Title\n\nFirst one. On Dec. 5, BT acted. Last.";
        let s = text.find("On Dec").unwrap();
        let e = text.find(" Last").unwrap();
        let v = ArticleView::of_mention(0, text, &mention("On Dec. 5, BT acted.", Some(s), Some(e)));
        assert_eq!(&text[v.highlight()], "On Dec. 5, BT acted.");
    }

    #[test]
    fn a_range_outside_the_text_falls_back_to_the_sentence_before_the_date() {
        let text = "Short text. Then on May 1 it rained.";
        let at = text.find("on May").unwrap();
        let mut m = mention("Then on May 1 it rained.", Some(at - 3), Some(400));
        (m.start, m.end) = (Some(at + 3), Some(at + 8));
        let v = ArticleView::of_mention(0, text, &m);
        assert_eq!(&text[v.highlight()], " Then on May 1");
    }
}
