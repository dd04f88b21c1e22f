//! Native speed benchmark of the QuoteLens engine (`./build.sh bench` runs it).
//!
//! Input: flags (see `USAGE`). Output: a human-readable report on stdout and, with
//! `--json FILE`, the same numbers as JSON for `bench/report.mjs`, which prints the
//! budgets. With `--write-synthetic DIR` the generated articles are written there so the
//! Wasm harness measures the very same bytes.
//!
//! Timings are printed, never asserted: a loaded CI machine must not fail a build.
//! Built with `--release` (the profile the extension ships); one thread throughout,
//! because the budget is per thread.

mod synth;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use quotelens::output::report_view;
use quotelens::OffsetUnit;

const USAGE: &str =
    "usage: bench [--quick] [--polnear FILE] [--pages DIR] [--json OUT] [--write-synthetic DIR]
       bench --emit BYTES     print one synthetic article (for profiling with the CLI)";

/// The generator's seed: fixed so every run (native and Wasm) sees the same articles.
const SEED: u64 = 0x5107_1e25;

struct Options {
    quick: bool,
    polnear: Option<PathBuf>,
    pages: Option<PathBuf>,
    json: Option<PathBuf>,
    write_synthetic: Option<PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        quick: false,
        polnear: None,
        pages: None,
        json: None,
        write_synthetic: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .map(PathBuf::from)
                .ok_or(format!("{name} needs a path"))
        };
        match a.as_str() {
            "--quick" => o.quick = true,
            "--polnear" => o.polnear = Some(value("--polnear")?),
            "--pages" => o.pages = Some(value("--pages")?),
            "--json" => o.json = Some(value("--json")?),
            "--write-synthetic" => o.write_synthetic = Some(value("--write-synthetic")?),
            "--emit" => {
                let size = args.next().and_then(|s| s.parse::<usize>().ok());
                let size = size.ok_or("--emit needs a size in bytes")?;
                print!("{}", synth::article(size, SEED ^ size as u64));
                std::process::exit(0);
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    Ok(o)
}

/// Peak resident memory of this process so far (Linux `VmHWM`), in KiB; `None` elsewhere.
/// Read from /proc rather than getrusage so the example needs no libc binding.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Time this thread has spent on a CPU so far (Linux `schedstat`), in ms; `None`
/// elsewhere. Unlike the wall clock it leaves out the time other processes held the CPU,
/// which on a shared machine is most of a long call's wall time. The kernel brings it up
/// to date at scheduler ticks, so it is read around a batch of calls, not one.
fn thread_cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e6)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// What the Wasm binding does besides analysing: the report with UTF-16 offsets, as JSON.
/// Measured separately so the Wasm/native ratio can be like for like.
fn analyze_and_serialize(text: &str) -> usize {
    let a = quotelens::analyze(text).expect("within the size limit");
    serde_json::to_string(&report_view(&a, text, OffsetUnit::Utf16, false))
        .expect("a report serializes")
        .len()
}

fn analyze_only(text: &str) -> usize {
    let a = quotelens::analyze(text).expect("within the size limit");
    a.quotes.len()
}

/// Corpus throughput: `reps` passes over all texts after one warm-up pass.
///
/// Besides the mean, the sum over articles of each article's fastest pass ("best"): on a
/// shared machine other processes preempt some calls, and the best of many passes is
/// the engine's own cost. Both are printed; the budget is judged on the best.
fn corpus(texts: &[String], reps: usize, f: fn(&str) -> usize) -> serde_json::Value {
    let mut sink = 0usize;
    for t in texts {
        sink += f(t);
    }
    let mut per_article = Vec::with_capacity(texts.len() * reps);
    let mut best = vec![f64::INFINITY; texts.len()];
    let start = Instant::now();
    for _ in 0..reps {
        for (i, t) in texts.iter().enumerate() {
            let t0 = Instant::now();
            sink += f(t);
            let took = ms(t0.elapsed());
            per_article.push(took);
            best[i] = best[i].min(took);
        }
    }
    let total = start.elapsed().as_secs_f64();
    let bytes: usize = texts.iter().map(String::len).sum();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let runs = (texts.len() * reps) as f64;
    let max = per_article.iter().cloned().fold(0.0, f64::max);
    let best_total: f64 = best.iter().sum();
    std::hint::black_box(sink);
    serde_json::json!({
        "articles": texts.len(),
        "reps": reps,
        "bytes": bytes,
        "chars": chars,
        "articles_per_s": runs / total,
        "mb_per_s": bytes as f64 * reps as f64 / total / 1e6,
        "ms_per_article": total * 1e3 / runs,
        "median_ms_per_article": median(per_article),
        "max_ms_per_article": max,
        // The budget is per ~5k-character article: normalise by characters.
        "ms_per_5k_chars": total * 1e3 / (chars as f64 * reps as f64) * 5000.0,
        "best_ms_per_article": best_total / texts.len() as f64,
        "best_ms_per_5k_chars": best_total / chars as f64 * 5000.0,
        "best_articles_per_s": texts.len() as f64 / (best_total / 1e3),
        "best_mb_per_s": bytes as f64 / (best_total / 1e3) / 1e6,
    })
}

fn read_polnear(path: &PathBuf) -> Option<Vec<String>> {
    let data = std::fs::read_to_string(path).ok()?;
    let texts = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect::<Vec<_>>();
    Some(texts)
}

fn main() {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let mut out = serde_json::Map::new();
    out.insert("quick".into(), o.quick.into());
    println!(
        "native ({} build, one thread)",
        if cfg!(debug_assertions) {
            "debug: timings mean nothing"
        } else {
            "release"
        }
    );

    // PolNeAR dev: real news articles of ~5k characters.
    let polnear = o.polnear.as_ref().and_then(|p| {
        let texts = read_polnear(p);
        if texts.is_none() {
            println!("  polnear_dev: skipped ({} not found; the evaluation data is not in the repository)", p.display());
        }
        texts
    });
    if let Some(texts) = polnear {
        let texts = if o.quick {
            texts.into_iter().take(8).collect()
        } else {
            texts
        };
        let reps = if o.quick { 1 } else { 30 };
        let a = corpus(&texts, reps, analyze_only);
        let j = corpus(&texts, if o.quick { 1 } else { 10 }, analyze_and_serialize);
        let g = |k: &str| a[k].as_f64().unwrap_or(0.0);
        println!(
            "  polnear_dev: {} articles x {reps} passes, {:.0} chars avg:\n    mean {:.0} articles/s, {:.2} MB/s, {:.3} ms/article (median {:.3}, max {:.3}), {:.3} ms per 5k chars\n    best pass per article {:.0} articles/s, {:.2} MB/s, {:.3} ms/article, {:.3} ms per 5k chars",
            a["articles"],
            g("chars") / g("articles"),
            g("articles_per_s"),
            g("mb_per_s"),
            g("ms_per_article"),
            g("median_ms_per_article"),
            g("max_ms_per_article"),
            g("ms_per_5k_chars"),
            g("best_articles_per_s"),
            g("best_mb_per_s"),
            g("best_ms_per_article"),
            g("best_ms_per_5k_chars"),
        );
        println!(
            "  polnear_dev with the JSON report (UTF-16 offsets, what the Wasm binding also does): {:.3} ms/article (best {:.3})",
            j["ms_per_article"].as_f64().unwrap_or(0.0),
            j["best_ms_per_article"].as_f64().unwrap_or(0.0)
        );
        out.insert("polnear".into(), a);
        out.insert("polnear_json".into(), j);
        out.insert("peak_rss_kib_after_polnear".into(), peak_rss_kib().into());
    }

    // The 17 real pages: HTML tokenizing and article selection, then analysis.
    if let Some(dir) = &o.pages {
        let mut pages: Vec<(String, String)> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter_map(|e| {
                        let html = std::fs::read_to_string(e.path().join("source.html")).ok()?;
                        Some((e.file_name().to_string_lossy().into_owned(), html))
                    })
                    .collect()
            })
            .unwrap_or_default();
        pages.sort();
        if pages.is_empty() {
            println!("  pages: skipped ({} has no */source.html)", dir.display());
        } else {
            let reps = if o.quick { 1 } else { 10 };
            let mut times = Vec::new();
            let mut bytes = 0;
            for (_, html) in &pages {
                let _ = quotelens::analyze_html(html);
            }
            let start = Instant::now();
            for _ in 0..reps {
                for (_, html) in &pages {
                    let t0 = Instant::now();
                    std::hint::black_box(
                        quotelens::analyze_html(html).map(|r| r.1.quotes.len()).ok(),
                    );
                    times.push(ms(t0.elapsed()));
                    bytes += html.len();
                }
            }
            let total = start.elapsed().as_secs_f64();
            let (name, largest) = pages
                .iter()
                .max_by_key(|(_, h)| h.len())
                .expect("non-empty");
            let t0 = Instant::now();
            for _ in 0..reps {
                std::hint::black_box(quotelens::analyze_html(largest).ok());
            }
            let largest_ms = ms(t0.elapsed()) / reps as f64;
            let max = times.iter().cloned().fold(0.0, f64::max);
            println!(
                "  pages (HTML -> article -> analysis): {} pages, {:.2} MB/s of HTML, {:.2} ms/page (max {:.2}); largest ({name}, {} KB): {:.2} ms",
                pages.len(),
                bytes as f64 / total / 1e6,
                total * 1e3 / (pages.len() * reps) as f64,
                max,
                largest.len() / 1000,
                largest_ms
            );
            out.insert(
                "pages".into(),
                serde_json::json!({
                    "pages": pages.len(),
                    "mb_per_s": bytes as f64 / total / 1e6,
                    "ms_per_page": total * 1e3 / (pages.len() * reps) as f64,
                    "max_ms_per_page": max,
                    "largest": name,
                    "largest_bytes": largest.len(),
                    "largest_ms": largest_ms,
                }),
            );
        }
    }

    // Synthetic long reads: cost per MB should not grow with size.
    let sizes: &[(&str, usize, usize)] = if o.quick {
        &[("10KB", 10_000, 3), ("100KB", 100_000, 2)]
    } else {
        &[
            ("100KB", 100_000, 20),
            ("1MB", 1_000_000, 7),
            ("5MB", 5_000_000, 3),
        ]
    };
    if let Some(dir) = &o.write_synthetic {
        std::fs::create_dir_all(dir).expect("create the synthetic directory");
    }
    let mut synthetic = Vec::new();
    for &(label, size, reps) in sizes {
        let text = synth::article(size, SEED ^ size as u64);
        if let Some(dir) = &o.write_synthetic {
            std::fs::write(dir.join(format!("synthetic-{label}.txt")), &text)
                .expect("write a synthetic article");
        }
        let warm = quotelens::analyze(&text).expect("within the size limit");
        let direct = warm
            .quotes
            .iter()
            .filter(|q| q.kind != quotelens::QuoteKind::Indirect)
            .count();
        let mut times = Vec::new();
        let cpu0 = thread_cpu_ms();
        for _ in 0..reps {
            let t0 = Instant::now();
            std::hint::black_box(analyze_only(&text));
            times.push(ms(t0.elapsed()));
        }
        // On-CPU time per run, the mean over the batch (other processes do not add to it).
        let cpu = cpu0
            .zip(thread_cpu_ms())
            .map(|(a, b)| (b - a) / reps as f64);
        let mut json_times = Vec::new();
        for _ in 0..reps.div_ceil(2) {
            let t0 = Instant::now();
            std::hint::black_box(analyze_and_serialize(&text));
            json_times.push(ms(t0.elapsed()));
        }
        // The best run, as for the corpus: the cost without preemption by other processes.
        let med = times.iter().cloned().fold(f64::INFINITY, f64::min);
        let mb = text.len() as f64 / 1e6;
        println!(
            "  synthetic {label:>5} ({} bytes, {} quotes of which {direct} marked, {} speakers): {:.2} ms (best of {reps}), {:.2} MB/s, {:.1} ms per MB{}; with JSON report {:.2} ms",
            text.len(),
            warm.quotes.len(),
            warm.speakers.len(),
            med,
            mb / (med / 1e3),
            med / mb,
            cpu.map(|c| format!(" (on-CPU {c:.2} ms, {:.1} ms per MB)", c / mb)).unwrap_or_default(),
            json_times.iter().cloned().fold(f64::INFINITY, f64::min),
        );
        synthetic.push(serde_json::json!({
            "label": label,
            "bytes": text.len(),
            "quotes": warm.quotes.len(),
            "speakers": warm.speakers.len(),
            "ms": med,
            "json_ms": json_times.iter().cloned().fold(f64::INFINITY, f64::min),
            "ms_per_mb": med / mb,
            "cpu_ms": cpu,
            "cpu_ms_per_mb": cpu.map(|c| c / mb),
        }));
    }
    if let (Some(first), Some(last)) = (synthetic.first(), synthetic.last()) {
        let ratio = |key: &str| Some(last[key].as_f64()? / first[key].as_f64()?);
        let growth = ratio("ms_per_mb").unwrap_or(0.0);
        let cpu_growth = ratio("cpu_ms_per_mb");
        println!(
            "  linearity: ms per MB at {} is {:.2}x that at {} (1.0 = linear){}",
            last["label"].as_str().unwrap_or(""),
            growth,
            first["label"].as_str().unwrap_or(""),
            cpu_growth
                .map(|g| format!("; on-CPU {g:.2}x"))
                .unwrap_or_default()
        );
        out.insert("linearity".into(), growth.into());
        out.insert("cpu_linearity".into(), cpu_growth.into());
    }
    out.insert("synthetic".into(), synthetic.into());
    let peak = peak_rss_kib();
    if let Some(kib) = peak {
        println!(
            "  peak memory (VmHWM, whole run incl. the largest synthetic article): {:.1} MB",
            kib as f64 / 1024.0
        );
    }
    out.insert("peak_rss_kib".into(), peak.into());
    if let Some(path) = &o.json {
        std::fs::write(
            path,
            serde_json::to_string_pretty(&serde_json::Value::Object(out)).expect("json"),
        )
        .expect("write the JSON results");
    }
}
