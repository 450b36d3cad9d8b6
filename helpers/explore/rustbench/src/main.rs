//! The programs of helpers/explore's benchmark under loom (exhaustive,
//! LOOM_MAX_PREEMPTIONS=2) and shuttle (random and PCT schedulers). Prints
//! one JSON object per line; `go run ./helpers/explore/rustbench/compare`
//! runs this binary and the Go side in the same run and prints the ratios.
//!
//! Each measure runs in a process of its own (a deadlock found by loom
//! aborts the process: loom#291): `explorebench` without arguments says how.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::time::Instant;

static RUNS: AtomicUsize = AtomicUsize::new(0);

macro_rules! programs {
    ($sync:ident, $thread:ident) => {
        pub fn counter(locked: bool) {
            use $sync::atomic::{AtomicUsize, Ordering::SeqCst};
            use $sync::{Arc, Mutex};
            if locked {
                let c = Arc::new(Mutex::new(0usize));
                let hs: Vec<_> = (0..2)
                    .map(|_| {
                        let c = c.clone();
                        $thread::spawn(move || {
                            let mut g = c.lock().unwrap();
                            *g += 1;
                        })
                    })
                    .collect();
                for h in hs {
                    h.join().unwrap();
                }
                assert_eq!(*c.lock().unwrap(), 2, "lost update");
            } else {
                let c = Arc::new(AtomicUsize::new(0));
                let hs: Vec<_> = (0..2)
                    .map(|_| {
                        let c = c.clone();
                        $thread::spawn(move || {
                            let v = c.load(SeqCst);
                            c.store(v + 1, SeqCst);
                        })
                    })
                    .collect();
                for h in hs {
                    h.join().unwrap();
                }
                assert_eq!(c.load(SeqCst), 2, "lost update");
            }
        }

        pub fn abba(ordered: bool) {
            use $sync::{Arc, Mutex};
            let a = Arc::new(Mutex::new(()));
            let b = Arc::new(Mutex::new(()));
            let (a1, b1) = (a.clone(), b.clone());
            let t1 = $thread::spawn(move || {
                let _x = a1.lock().unwrap();
                let _y = b1.lock().unwrap();
            });
            let (first, second) = if ordered { (a, b) } else { (b, a) };
            let t2 = $thread::spawn(move || {
                let _x = first.lock().unwrap();
                let _y = second.lock().unwrap();
            });
            t1.join().unwrap();
            t2.join().unwrap();
        }

        pub fn philosophers(n: usize, ordered: bool) {
            use $sync::{Arc, Mutex};
            // loom runs at most 5 threads, main included: main is the last philosopher.
            let forks: Arc<Vec<Mutex<()>>> = Arc::new((0..n).map(|_| Mutex::new(())).collect());
            let eat = move |forks: &Vec<Mutex<()>>, i: usize| {
                let (mut first, mut second) = (i, (i + 1) % n);
                if ordered && second < first {
                    std::mem::swap(&mut first, &mut second);
                }
                let _f = forks[first].lock().unwrap();
                let _s = forks[second].lock().unwrap();
            };
            let hs: Vec<_> = (0..n - 1)
                .map(|i| {
                    let forks = forks.clone();
                    $thread::spawn(move || eat(&forks, i))
                })
                .collect();
            eat(&forks, n - 1);
            for h in hs {
                h.join().unwrap();
            }
        }
    };
}

mod loom_programs {
    use loom::sync;
    use loom::thread;
    programs!(sync, thread);
}

mod shuttle_programs {
    use shuttle::sync;
    use shuttle::thread;
    programs!(sync, thread);
}

fn program(name: &str, shuttle: bool) -> Box<dyn Fn() + Send + Sync + 'static> {
    macro_rules! pick {
        ($m:ident) => {
            match name {
                "counter-racy" => Box::new(|| $m::counter(false)),
                "counter-locked" => Box::new(|| $m::counter(true)),
                "abba" => Box::new(|| $m::abba(false)),
                "abba-ordered" => Box::new(|| $m::abba(true)),
                "philosophers3" => Box::new(|| $m::philosophers(3, false)),
                "philosophers3-ordered" => Box::new(|| $m::philosophers(3, true)),
                "philosophers5" => Box::new(|| $m::philosophers(5, false)),
                "philosophers5-ordered" => Box::new(|| $m::philosophers(5, true)),
                _ => panic!("unknown program {name}"),
            }
        };
    }
    if shuttle {
        pick!(shuttle_programs)
    } else {
        pick!(loom_programs)
    }
}

const BUGGY: [&str; 4] = ["counter-racy", "abba", "philosophers3", "philosophers5"];
const FIXED: [&str; 4] = ["counter-locked", "abba-ordered", "philosophers3-ordered", "philosophers5-ordered"];

fn loom_builder() -> loom::model::Builder {
    let mut b = loom::model::Builder::new();
    b.preemption_bound = Some(2);
    b.max_branches = 100_000;
    b
}

/// loom proves a fixed program: every execution within the bound. The proof
/// is repeated for at least MIN_SECONDS, for a steady rate; runs is one
/// proof's executions, seconds the time per proof.
fn loom_prove(name: &str) {
    let f: std::sync::Arc<dyn Fn() + Send + Sync> = program(name, false).into();
    let t0 = Instant::now();
    let mut proofs = 0;
    let mut runs = 0;
    while proofs == 0 || t0.elapsed().as_secs_f64() < MIN_SECONDS {
        RUNS.store(0, SeqCst);
        let f = f.clone();
        loom_builder().check(move || {
            RUNS.fetch_add(1, SeqCst);
            f()
        });
        runs = RUNS.load(SeqCst);
        proofs += 1;
    }
    let secs = t0.elapsed().as_secs_f64() / proofs as f64;
    println!(r#"{{"tool":"loom","mode":"prove","program":"{name}","runs":{runs},"seconds":{secs:.6},"found":false}}"#);
}

const MIN_SECONDS: f64 = 0.3;

/// loom looks for a bug; run in a child, since a deadlock aborts.
fn loom_find_child(name: &str) {
    let f = program(name, false);
    let t0 = Instant::now();
    panic::set_hook(Box::new(move |_| {
        println!(
            r#"{{"tool":"loom","mode":"find","program":"{}","runs":{},"seconds":{:.6},"found":true}}"#,
            std::env::args().nth(2).unwrap_or_default(),
            RUNS.load(SeqCst),
            t0.elapsed().as_secs_f64()
        );
        std::process::exit(0);
    }));
    loom_builder().check(move || {
        RUNS.fetch_add(1, SeqCst);
        f()
    });
    let _ = panic::take_hook();
    println!(
        r#"{{"tool":"loom","mode":"find","program":"{name}","runs":{},"seconds":{:.6},"found":false}}"#,
        RUNS.load(SeqCst),
        t0.elapsed().as_secs_f64()
    );
}

/// shuttle runs batches of `iterations` schedules of a fixed program for at
/// least MIN_SECONDS (throughput).
fn shuttle_rate(name: &str, pct: bool, iterations: usize) {
    use shuttle::scheduler::{PctScheduler, RandomScheduler};
    let f: std::sync::Arc<dyn Fn() + Send + Sync> = program(name, true).into();
    let t0 = Instant::now();
    let mut total = 0;
    let mut seed = 1;
    while total == 0 || t0.elapsed().as_secs_f64() < MIN_SECONDS {
        let cfg = shuttle::Config::new();
        let f = f.clone();
        if pct {
            shuttle::Runner::new(PctScheduler::new_from_seed(seed, 2, iterations), cfg).run(move || f());
        } else {
            shuttle::Runner::new(RandomScheduler::new_from_seed(seed, iterations), cfg).run(move || f());
        }
        total += iterations;
        seed += 1;
    }
    let iterations = total;
    let secs = t0.elapsed().as_secs_f64();
    let tool = if pct { "shuttle-pct" } else { "shuttle-random" };
    println!(
        r#"{{"tool":"{tool}","mode":"rate","program":"{name}","runs":{iterations},"seconds":{secs:.6},"found":false}}"#
    );
}

/// shuttle looks for a bug with each seed; reports the schedules each needed.
fn shuttle_find(name: &str, pct: bool, seeds: u64, budget: usize) {
    use shuttle::scheduler::{PctScheduler, RandomScheduler};
    let mut runs = Vec::new();
    let t0 = Instant::now();
    for seed in 0..seeds {
        let f = program(name, true);
        RUNS.store(0, SeqCst);
        let cfg = shuttle::Config::new();
        let found = panic::catch_unwind(AssertUnwindSafe(|| {
            let body = move || {
                RUNS.fetch_add(1, SeqCst);
                f()
            };
            if pct {
                shuttle::Runner::new(PctScheduler::new_from_seed(seed, 2, budget), cfg).run(body);
            } else {
                shuttle::Runner::new(RandomScheduler::new_from_seed(seed, budget), cfg).run(body);
            }
        }))
        .is_err();
        runs.push(if found { RUNS.load(SeqCst) } else { 0 });
    }
    let secs = t0.elapsed().as_secs_f64();
    let tool = if pct { "shuttle-pct" } else { "shuttle-random" };
    let list: Vec<String> = runs.iter().map(|r| r.to_string()).collect();
    println!(
        r#"{{"tool":"{tool}","mode":"find","program":"{name}","seeds":[{}],"seconds":{secs:.6},"found":true}}"#,
        list.join(",")
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    let num = |i: usize, d: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    // shuttle prints every failing schedule; keep stdout to the JSON lines.
    match arg(1).as_str() {
        "loom-prove" => loom_prove(&arg(2)),
        "loom-find" => loom_find_child(&arg(2)),
        "shuttle-rate" => shuttle_rate(&arg(2), arg(3) == "pct", num(4, 2000)),
        "shuttle-find" => shuttle_find(&arg(2), arg(3) == "pct", num(4, 50) as u64, num(5, 100_000)),
        "list" => println!("{}", FIXED.iter().chain(BUGGY.iter()).cloned().collect::<Vec<_>>().join(" ")),
        _ => {
            eprintln!(
                "usage: explorebench loom-prove PROGRAM | loom-find PROGRAM | \
                 shuttle-rate PROGRAM random|pct [N] | shuttle-find PROGRAM random|pct [SEEDS] [BUDGET] | list"
            );
            std::process::exit(2);
        }
    }
}
