//! A small static file server for `www/` (plus `seeds/` and `tests/`), on loopback only.
//!
//! It exists so `cargo xtask serve` and the browser tests need no other web server, and
//! it sends the MIME types browsers insist on (`application/wasm` for streaming
//! compilation). Test-only routes under `/__fault/` answer with errors and delays, so the
//! browser tests can check what a widget does when a portal's server misbehaves.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

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
    // Drain the headers; nothing in them changes the answer.
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
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
        Some(file) => match std::fs::read(&file) {
            Ok(body) => respond(&mut stream, 200, mime(&file), &body, method == "HEAD"),
            Err(_) => respond(
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

fn respond(
    stream: &mut TcpStream,
    code: u16,
    ctype: &str,
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
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
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
}
