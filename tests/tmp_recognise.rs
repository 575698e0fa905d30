#[test]
fn list() {
    for path in std::fs::read_to_string("/tmp/rc/list").unwrap().lines() {
        let raw = std::fs::read(path).unwrap();
        if let Err(e) = mail_preflight::pipeline::recognise(&raw) { println!("{path}: {e:?} {:?}", String::from_utf8_lossy(&raw[..raw.len().min(120)])); }
    }
}
