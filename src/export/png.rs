//! PNG: the SVG rasterised by resvg, with the font shipped in `assets/`, so a
//! picture is the same on every machine whatever fonts it has installed.

use std::sync::{Arc, OnceLock};

use super::ExportError;

/// DejaVu Sans (Bitstream Vera licence, see `assets/fonts/DejaVu-LICENSE.txt`).
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(FONT_REGULAR.to_vec());
        db.load_font_data(FONT_BOLD.to_vec());
        db.set_sans_serif_family(super::svg::FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Rasterises an SVG at `scale` (2.0 for HiDPI slides) to PNG bytes.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    let opts = resvg::usvg::Options { fontdb: fonts(), font_family: super::svg::FONT_FAMILY.to_string(), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(svg, &opts).map_err(|e| ExportError::Svg(e.to_string()))?;
    let size = tree.size().to_int_size().scale_by(scale).ok_or(ExportError::TooLarge)?;
    if u64::from(size.width()) * u64::from(size.height()) > 400_000_000 {
        return Err(ExportError::TooLarge);
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).ok_or(ExportError::TooLarge)?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| ExportError::Png(e.to_string()))
}
