//! A small static file server for `www/` (plus `seeds/` and `tests/`), on loopback only.
//!
//! It exists so `cargo xtask serve` and the browser tests need no other web server, and
//! it sends the MIME types browsers insist on (`application/wasm` for streaming
//! compilation). Like a portal's server, it gzips text and wasm (level 6, what servers use)
//! for clients that accept it, so the benchmarks' network emulation moves the bytes a
//! reader would download. Test-only routes under `/__fault/` answer with errors and delays,
//! uncompressed, so the browser tests can check what a widget does when a portal's server
//! misbehaves.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime};

use crate::{root, Result};

pub fn serve_command(args: &[String]) -> Result {
    let mut port = 8080u16;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => {
                port = it
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or("--port takes a number from 1 to 65535")?;
            }
            other => {
                return Err(format!(
                    "unknown option '{other}' (usage: cargo xtask serve [--port N])"
                ))
            }
        }
    }
    crate::build::build()?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (try --port N)"))?;
    println!("xtask: serving www/ at http://127.0.0.1:{port}/  (Ctrl+C to stop)");
    accept_loop(listener);
    Ok(())
}

/// Binds an ephemeral port and serves in a background thread; returns the base URL.
pub fn spawn() -> Result<String> {
    let listener =
        TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot listen: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || accept_loop(listener));
    Ok(format!("http://{addr}"))
}

fn accept_loop(listener: TcpListener) {
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || {
            let _ = handle(stream);
        });
    }
}

fn handle(mut stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    // Headers and body are two writes: without this, Nagle's algorithm holds the body
    // back for the header's delayed ACK (about 40 ms per response on loopback).
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers, only Accept-Encoding changes the answer (and a Range request, which
    // this server answers whole, is never compressed).
    let mut gzip_ok = false;
    let mut ranged = false;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
        if let Some((name, value)) = h.split_once(':') {
            let name = name.trim();
            if name.eq_ignore_ascii_case("accept-encoding") {
                gzip_ok = accepts_gzip(value);
            } else if name.eq_ignore_ascii_case("range") {
                ranged = true;
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            b"method not allowed",
            method == "HEAD",
        );
    }
    if let Some(fault) = path.strip_prefix("/__fault/") {
        return fault_route(&mut stream, fault);
    }
    match resolve(path) {
        // The modification time before the contents: a file changed in between is
        // compressed again on the next request, never cached as newer than it is.
        Some(file) => match (modified(&file), std::fs::read(&file)) {
            (mtime, Ok(body)) if compressible(&file) => {
                let head = method == "HEAD";
                if gzip_ok && !ranged {
                    let gz = gzipped(&file, mtime, &body);
                    respond_with(
                        &mut stream,
                        200,
                        mime(&file),
                        "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n",
                        &gz,
                        head,
                    )
                } else {
                    respond_with(
                        &mut stream,
                        200,
                        mime(&file),
                        "Vary: Accept-Encoding\r\n",
                        &body,
                        head,
                    )
                }
            }
            (_, Ok(body)) => respond(&mut stream, 200, mime(&file), &body, method == "HEAD"),
            (_, Err(_)) => respond(
                &mut stream,
                404,
                "text/plain; charset=utf-8",
                b"not found",
                method == "HEAD",
            ),
        },
        None => respond(
            &mut stream,
            404,
            "text/plain; charset=utf-8",
            b"not found",
            method == "HEAD",
        ),
    }
}

/// `/__fault/404`, `/__fault/500`, `/__fault/slow/<ms>` (headers, then silence).
fn fault_route(stream: &mut TcpStream, fault: &str) -> std::io::Result<()> {
    if let Some(ms) = fault
        .strip_prefix("slow/")
        .and_then(|m| m.parse::<u64>().ok())
    {
        std::thread::sleep(Duration::from_millis(ms.min(60_000)));
        return respond(stream, 200, "application/json", b"{}", false);
    }
    let code = fault.parse::<u16>().unwrap_or(500);
    respond(
        stream,
        code,
        "text/plain; charset=utf-8",
        b"fault injected",
        false,
    )
}

/// Maps a URL path to a file: `/seeds/…` and `/tests/…` to those folders, the rest to
/// `www/`; `..` and other escapes are refused.
fn resolve(url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let rel = decoded.trim_start_matches('/');
    let r = root();
    let (base, rest) = match rel.split_once('/') {
        Some(("seeds", rest)) => (r.join("seeds"), rest),
        Some(("tests", rest)) => (r.join("tests"), rest),
        _ => (r.join("www"), rel),
    };
    let rest_path = Path::new(rest);
    if rest_path
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut p = base.join(rest_path);
    if p.is_dir() {
        p = p.join("index.html");
    }
    p.is_file().then_some(p)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether an `Accept-Encoding` value accepts gzip: `gzip` (or `x-gzip`, or `*`) listed
/// without `q=0`.
fn accepts_gzip(value: &str) -> bool {
    value.split(',').any(|item| {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim();
        let refused = parts.any(|p| {
            let p = p.trim();
            p.get(..2).is_some_and(|k| k.eq_ignore_ascii_case("q="))
                && p[2..].trim().parse::<f32>().is_ok_and(|q| q <= 0.0)
        });
        !refused
            && (coding.eq_ignore_ascii_case("gzip")
                || coding.eq_ignore_ascii_case("x-gzip")
                || coding == "*")
    })
}

/// The files a portal's server compresses: text and wasm.
fn compressible(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()).unwrap_or(""),
        "js" | "mjs" | "wasm" | "json" | "css" | "html" | "svg" | "csv" | "txt"
    )
}

/// Compressed files by path, with the modification time and length they were made from.
type GzCache = Mutex<HashMap<PathBuf, (Option<SystemTime>, usize, Arc<Vec<u8>>)>>;

fn modified(file: &Path) -> Option<SystemTime> {
    std::fs::metadata(file).and_then(|m| m.modified()).ok()
}

/// `body` (the contents of `file`, modified at `mtime`) gzipped at level 6, compressed
/// once per path and modification time: the tests and benchmarks load the same bundle
/// hundreds of times.
fn gzipped(file: &Path, mtime: Option<SystemTime>, body: &[u8]) -> Arc<Vec<u8>> {
    static CACHE: OnceLock<GzCache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some((t, len, gz)) = cache.lock().ok().and_then(|c| c.get(file).cloned()) {
        if t == mtime && mtime.is_some() && len == body.len() {
            return gz;
        }
    }
    let gz = Arc::new(gzip(body));
    if let Ok(mut c) = cache.lock() {
        c.insert(file.to_path_buf(), (mtime, body.len(), gz.clone()));
    }
    gz
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::new(6),
    );
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

fn respond(
    stream: &mut TcpStream,
    code: u16,
    ctype: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    respond_with(stream, code, ctype, "", body, head_only)
}

/// `extra` is more header lines, each ending in CRLF.
fn respond_with(
    stream: &mut TcpStream,
    code: u16,
    ctype: &str,
    extra: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let reason = match code {
        200 => "OK",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Error",
    };
    let header = format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{extra}Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()?;
    // Let the client read everything before the socket closes.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut sink = [0u8; 64];
    let _ = stream.read(&mut sink);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_escape() {
        assert_eq!(resolve("/../Cargo.toml"), None);
        assert_eq!(resolve("/seeds/%2e%2e/Cargo.toml"), None);
        assert_eq!(resolve("/%zz"), None);
    }

    #[test]
    fn wasm_has_its_mime_type() {
        assert_eq!(mime(Path::new("a/chitieu_bg.wasm")), "application/wasm");
    }

    #[test]
    fn reads_accept_encoding() {
        assert!(accepts_gzip(" gzip, deflate, br, zstd\r\n"));
        assert!(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
        assert!(accepts_gzip("*"));
        assert!(!accepts_gzip("gzip;q=0, br"));
        assert!(!accepts_gzip("identity"));
        assert!(!accepts_gzip("br, deflate"));
    }

    #[test]
    fn compresses_text_and_wasm_only() {
        assert!(compressible(Path::new("dist/chitieu_bg.wasm")));
        assert!(compressible(Path::new("data/plan.csv")));
        assert!(!compressible(Path::new("img/logo.png")));
    }

    /// One request to a server of this module, the response's headers and its body.
    fn get(base: &str, path: &str, headers: &str) -> (String, Vec<u8>) {
        let mut s = TcpStream::connect(base.trim_start_matches("http://")).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n{headers}\r\n").unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        let end = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&all[..end]).to_ascii_lowercase();
        (head, all[end + 4..].to_vec())
    }

    #[test]
    fn gzips_for_clients_that_accept_it() {
        let base = spawn().unwrap();
        let plain = std::fs::read(root().join("tests/chromium.mjs")).unwrap();
        let (head, body) = get(
            &base,
            "/tests/chromium.mjs",
            "Accept-Encoding: gzip, br\r\n",
        );
        assert!(head.contains("content-encoding: gzip"), "{head}");
        assert!(head.contains("vary: accept-encoding"), "{head}");
        assert!(
            head.contains(&format!("content-length: {}", body.len())),
            "{head}"
        );
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&body[..])
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, plain);
        // The second answer comes from the cache, the same bytes.
        let (_, again) = get(&base, "/tests/chromium.mjs", "Accept-Encoding: gzip\r\n");
        assert_eq!(again, body);

        for headers in ["", "Accept-Encoding: gzip\r\nRange: bytes=0-9\r\n"] {
            let (head, body) = get(&base, "/tests/chromium.mjs", headers);
            assert!(!head.contains("content-encoding"), "{head}");
            assert_eq!(body, plain);
        }
        let (head, body) = get(&base, "/__fault/404", "Accept-Encoding: gzip\r\n");
        assert!(head.starts_with("http/1.1 404") && !head.contains("content-encoding"));
        assert_eq!(body, b"fault injected");
    }
}
