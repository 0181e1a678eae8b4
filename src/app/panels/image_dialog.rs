//! The Export image dialog: size, scale, theme, and the visible range or everything.

use super::Command;
use crate::export::{ImageSpec, Theme};

/// What the dialog asks.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageDialog {
    pub width: u32,
    pub height: u32,
    pub scale: f32,
    pub dark: bool,
    /// Export the visible range rather than everything.
    pub visible_only: bool,
}

impl Default for ImageDialog {
    fn default() -> Self {
        ImageDialog { width: 1600, height: 900, scale: 1.0, dark: false, visible_only: true }
    }
}

impl ImageDialog {
    /// The picture it asks for, of the window's `visible` range.
    pub fn spec(&self, visible: Option<(f64, f64)>) -> ImageSpec {
        ImageSpec {
            width: self.width,
            height: self.height,
            range: if self.visible_only { visible } else { None },
            theme: if self.dark { Theme::Dark } else { Theme::Light },
            title: None,
            scale: self.scale,
        }
    }

    /// Draws the dialog; false once it is closed (by its close button or by saving).
    pub fn show(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) -> bool {
        let mut open = true;
        let mut go = false;
        egui::Window::new("Export image").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
            egui::Grid::new("image-export").num_columns(2).show(ui, |ui| {
                let label = ui.label("Width (px)");
                ui.add(egui::DragValue::new(&mut self.width).range(64..=16384)).labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Height (px)");
                ui.add(egui::DragValue::new(&mut self.height).range(64..=16384)).labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Scale (PNG)");
                ui.add(egui::DragValue::new(&mut self.scale).range(0.5..=4.0).speed(0.25)).labelled_by(label.id);
                ui.end_row();
                ui.label("Theme");
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut self.dark, false, "Light");
                    ui.selectable_value(&mut self.dark, true, "Dark");
                });
                ui.end_row();
                ui.label("Range");
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut self.visible_only, true, "Visible");
                    ui.selectable_value(&mut self.visible_only, false, "Everything");
                });
                ui.end_row();
            });
            go = ui.button("Save as PNG or SVG…").clicked();
        });
        if go {
            out.push(Command::ExportImage(self.clone()));
        }
        open && !go
    }
}
