//! `kill -9` of `vnsearch index` at 32 moments. A test binary of its own, so that its timings
//! are not disturbed by other tests running beside it.

#![cfg(unix)]

mod common;
mod faults_support;

use std::thread::sleep;
use std::time::{Duration, Instant};

fn timed(f: impl FnOnce()) -> Duration {
    let started = Instant::now();
    f();
    started.elapsed()
}

use common::Fixture;
use faults_support::*;

/// Kills `vnsearch index` at 32 moments spread over a run (a first build, then updates that
/// switch the corpus between two versions: files added, reworded and removed). After each kill
/// the index must answer exactly as its last commit left it; a last run completes it.
#[test]
fn kill_9_at_any_moment_leaves_the_last_commit() {
    let fixture = Fixture {
        dir: tempfile::tempdir().unwrap(),
    };
    let index = fixture.dir.path().join("index");
    let corpus = fixture.dir.path().join("corpus");
    Version::One.write(&corpus);

    // How long an uninterrupted first build and update take here, to spread the kills over.
    let probe = fixture.dir.path().join("probe");
    let index_corpus = |index: &std::path::Path| {
        let out = run(index, &["index", corpus.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    let build = timed(|| index_corpus(&probe));
    Version::Two.write(&corpus);
    let update = timed(|| index_corpus(&probe));
    Version::One.write(&corpus);
    println!("uninterrupted: first build {build:?}, update {update:?}");

    let mut current = State::Missing;
    let mut wanted = Version::One;
    let mut outcomes = Vec::new();
    for kill in 0..32u32 {
        // At 0 to 100 % of an uninterrupted run (before, during and around its commit): the
        // first sixteen kills while building, the others while updating.
        let (run_time, step) = if kill < 16 {
            (build, kill)
        } else {
            (update, kill - 16)
        };
        let delay = run_time.mul_f64(f64::from(step) / 15.0);
        let mut child = spawn_index(&index, &corpus);
        sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok();
        child.wait().unwrap();
        let after = state(&index);
        let mut allowed = vec![current.clone(), committed(wanted)];
        if matches!(current, State::Missing | State::Answers { total: 0, .. }) {
            // Killed after the empty index was created, before its first commit.
            allowed.push(State::Answers {
                total: 0,
                reworded: 0,
            });
        }
        assert!(
            allowed.contains(&after),
            "kill {kill} after {delay:?}: index answers {after:?}, expected one of {allowed:?}"
        );
        outcomes.push(format!(
            "{delay:.2?}{}→{after:?}",
            if finished { "(done)" } else { "" }
        ));
        // Once the wanted version is committed, switch the corpus so the next run has work.
        if after == committed(wanted) {
            wanted = wanted.other();
            wanted.write(&corpus);
        }
        current = after;
    }
    println!("kills: {}", outcomes.join(", "));

    let out = run(&index, &["index", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(state(&index), committed(wanted));
    let stats = String::from_utf8_lossy(&run(&index, &["stats"]).stdout).into_owned();
    let documents = wanted.documents().to_string();
    assert!(
        stats
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["documents", &documents]),
        "{stats}"
    );
}
