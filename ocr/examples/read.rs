//! `cargo run -p secu-precheck-ocr --example read --release -- MODELS_DIR IMAGE.pgm`: the lines
//! of a binary PGM (P5), with their confidence and box, for trying the reader by hand.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let reader = secu_precheck_ocr::Reader::from_dir(std::path::Path::new(&args[1])).unwrap();
    let bytes = std::fs::read(&args[2]).unwrap();
    let text = String::from_utf8_lossy(&bytes[..20]);
    let mut parts = text.split_ascii_whitespace();
    assert_eq!(parts.next(), Some("P5"));
    let w: u32 = parts.next().unwrap().parse().unwrap();
    let h: u32 = parts.next().unwrap().parse().unwrap();
    let pixels = bytes[bytes.len() - (w * h) as usize..].to_vec();
    let start = std::time::Instant::now();
    let lines = reader.read(&secu_precheck_ocr::Grey { width: w, height: h, pixels }).unwrap();
    for l in &lines {
        println!("{:.2}\t{:?}\t{}", l.confidence, l.area, l.text);
    }
    eprintln!("{} lines in {:?}", lines.len(), start.elapsed());
}
