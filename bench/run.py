#!/usr/bin/env python3
"""civicpost benchmark harness.

    python3 bench/run.py [--posts 10000] [--runs 5] [--warmup 1] [--only NAME[,NAME]]
                         [--civicpost PATH] [--json OUT] [--markdown OUT] [--seed 1]
                         [--keep] [--no-install] [--fail-unmet] [--list]

Generates a corpus with bench/gen_corpus.py (cached under
/tmp/civicpost-bench/cache by posts, seed and a hash of the generator, the
config, the roster and the hook), copies it to a scratch directory, then times
every row of ROWS below: civicpost side by side with a peer tool doing
comparable work on the same files.  Each row runs --warmup times untimed,
then --runs times timed; the table shows the median, min and max wall time,
MB/s over the row's input (MB = 10^6 bytes), the peak RSS of the child
(os.wait4 rusage, which includes the child's own waited-for children), and
the ratio median / median of the group's peer row (below 1 = civicpost
faster), and each civicpost row's targets from the issues, met or not.  It ends
with a Markdown table to paste (--markdown also writes it to a file).

A row whose exit code is not in its `ok` codes is reported FAILED (with the
tail of its stderr) and not timed further.  civicpost documents exit 1 as
"findings at error level", which the corpus has by design (2% of posts hold
personal data), so check/scan rows accept 0 and 1.

If the civicpost binary is missing, its rows are reported as "not built" and
the peer rows still run.  Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
GEN = os.path.join(BENCH, "gen_corpus.py")
SCRATCH = os.environ.get("CIVICPOST_BENCH_DIR", "/tmp/civicpost-bench")

# The five bare PII regexes the peer uses: what a reviewer could do with grep.
PII_REGEXES = [
    r"\(?\b[2-9]\d{2}\)?[-. ]?\d{3}[-. ]?\d{4}\b",      # phone
    r"[\w.+-]+@[\w-]+\.[\w.]+",                         # email
    r"\b\d{3}-\d{2}-\d{4}\b",                           # ssn
    r"\b(?:\d[ -]?){13,16}\b",                          # card
    r"\b\d{1,5} [A-Z][a-z]+ (?:St|Ave|Blvd|Rd|Dr)\b",   # street address
]
RG_PII = ["rg", "-c"] + [a for rx in PII_REGEXES for a in ("-e", rx)]

# A fixed clock for publish, so stale/due decisions do not drift as time passes.
NOW = "2026-11-20T12:00:00Z"


@dataclass
class Target:
    """A goal from the issues: civicpost's `metric` divided by its peer's must be <= `max_ratio`."""
    metric: str                # "time" (median seconds) or "rss" (peak RSS)
    max_ratio: float
    label: str                 # as the issue says it, e.g. "<= 2x rg", ">= 5x faster"


@dataclass
class Row:
    group: str                 # rows of a group are shown together; the first "peer" row is the baseline
    name: str
    kind: str                  # "peer" or "civicpost"
    cmd: list[str]             # placeholders: {civicpost} {repo} {hugo_site} {hugo_out} {site_out} {queue_out} {now}
    ok: tuple = (0,)           # exit codes that count as success
    input: str | None = None   # "posts": MB/s and posts/s over content/posts
    setup: str | None = None   # HOOKS name: once before the row's runs (untimed)
    before_each: str | None = None  # HOOKS name: before every run, warm-up included (untimed)
    teardown: str | None = None     # HOOKS name: after the row
    summary: str | None = None      # SUMMARIES name: a note on the output of the last run
    cwd: str = "{repo}"
    env: dict | None = None         # extra environment; values take the same placeholders
    targets: tuple = ()             # civicpost rows: Target(s) against the group's peer


# ---------------------------------------------------------------------------
# The benchmark table.  Add rows here.
# ---------------------------------------------------------------------------
# The pre-commit hook runs as the committer: a DPW spokesperson from the roster
# ({author_name} / {author_email}, Jordan Ellis in the real roster).
AUTHOR_ENV = {"GIT_AUTHOR_NAME": "{author_name}", "GIT_AUTHOR_EMAIL": "{author_email}"}
PUBLISH = ["{civicpost}", "publish", "--now", NOW, "--out", "{site_out}", "--queue", "{queue_out}"]
HUGO = ["hugo", "--quiet", "-s", "{hugo_site}", "-d", "{hugo_out}"]

ROWS = [
    # group "pii scan": content rules on plain files, no git or roster.
    Row("pii scan", "rg -c, 5 PII regexes", "peer", RG_PII + ["content/posts"], ok=(0, 1),
        input="posts", summary="rg_accuracy"),
    Row("pii scan", "civicpost scan --format json", "civicpost",
        ["{civicpost}", "scan", "--format", "json", "content/posts"], ok=(0, 1),
        input="posts", summary="json_accuracy", targets=(Target("time", 2.0, "<= 2x rg"),)),

    # group "check all": every rule on every post at HEAD, authors from git history.
    Row("check all", "rg -c, 5 PII regexes", "peer", RG_PII + ["content/posts"], ok=(0, 1),
        input="posts", summary="rg_count"),
    Row("check all", "civicpost check --all", "civicpost",
        ["{civicpost}", "check", "--all", "--format", "json", "--now", NOW], ok=(0, 1),
        input="posts", summary="json_findings", targets=(Target("time", 3.0, "<= 3x rg"),)),

    # group "pre-commit": one new post staged (setup writes and `git add`s it; teardown unstages it).
    Row("pre-commit", "git status", "peer", ["git", "status"],
        setup="stage_one_post", teardown="unstage_post"),
    Row("pre-commit", "civicpost check --staged", "civicpost",
        ["{civicpost}", "check", "--staged", "--format", "json"], ok=(0, 1), env=AUTHOR_ENV,
        setup="stage_one_post", teardown="unstage_post", summary="json_staged",
        targets=(Target("time", 1.0, "<= git status"),)),

    # group "verify": walk the first-parent merges of main.
    Row("verify", "git log --first-parent --merges --name-only", "peer",
        ["git", "log", "--first-parent", "--merges", "--name-only"], summary="lines"),
    Row("verify", "civicpost verify", "civicpost", ["{civicpost}", "verify"], summary="last_line",
        targets=(Target("time", 2.0, "<= 2x git log"),)),

    # group "publish full": from nothing (outputs, .git/civicpost and the records branch
    # removed before each run).
    Row("publish full", "hugo", "peer", HUGO,
        input="posts", before_each="clean_hugo_out", summary="files_hugo"),
    Row("publish full", "civicpost publish", "civicpost", PUBLISH,
        input="posts", before_each="clean_publish", summary="files_site",
        targets=(Target("time", 1 / 5, ">= 5x faster than hugo"), Target("rss", 1 / 4, "<= 1/4 of hugo's RSS"))),

    # group "publish incremental": after a full build, one post edited before each run
    # (hugo: the file in its site; civicpost: edited on a branch and merged by a reviewer).
    Row("publish incremental", "hugo rebuild, 1 post edited", "peer", HUGO,
        setup="hugo_full_build", before_each="edit_hugo_post", summary="edit_in_hugo"),
    Row("publish incremental", "civicpost publish, 1 post edited", "civicpost", PUBLISH,
        setup="publish_full_build", before_each="edit_and_merge_post", summary="edit_in_site",
        targets=(Target("time", 1 / 30, ">= 30x faster than hugo"),)),
]


# ---------------------------------------------------------------------------
# Hooks (untimed) and output summaries
# ---------------------------------------------------------------------------

class Ctx:
    """Paths and state shared by the hooks of one harness run."""

    def __init__(self, run_dir: str, civicpost: str, manifest: dict):
        self.run_dir = run_dir
        self.repo = os.path.join(run_dir, "repo")
        self.hugo_site = os.path.join(run_dir, "hugo")
        self.hugo_out = os.path.join(run_dir, "hugo-out")
        self.site_out = os.path.join(run_dir, "site-out")
        self.queue_out = os.path.join(run_dir, "queue-out")
        self.civicpost = civicpost
        self.manifest = manifest
        self.now = NOW
        self.edits = 0
        self.discarded = 0                                # output folders moved aside (`discard`)
        self.staged: str | None = None
        self.last_edit: tuple[str, str] | None = None    # (post path, marker text) of the last edit
        self.author_name, self.author_email = self.spokesperson("dpw")
        self._post: str | None = None
        self.packs0 = set(os.listdir(self.pack_dir())) if os.path.isdir(self.pack_dir()) else set()

    def pack_dir(self) -> str:
        return os.path.join(self.repo, ".git", "objects", "pack")

    def vars(self) -> dict:
        return {k: getattr(self, k) for k in ("repo", "hugo_site", "hugo_out", "site_out", "queue_out",
                                              "civicpost", "now", "author_name", "author_email")}

    def git(self, *args, env=None, capture=False) -> str:
        r = subprocess.run(["git", "-C", self.repo, *args], check=True, env=env, text=True,
                           stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
        return r.stdout if capture else ""

    def spokesperson(self, dept: str) -> tuple[str, str]:
        """A spokesperson of `dept` from the corpus's roster, authorized at NOW (Jordan Ellis first)."""
        try:
            people = load_yaml(os.path.join(self.repo, "content", "roster.yml")).get("people") or []
        except (OSError, ValueError, AttributeError):
            people = []
        found = []
        for p in people:
            if not isinstance(p, dict) or p.get("department") != dept or "spokesperson" not in (p.get("roles") or []):
                continue
            if str(p.get("authorized_until", "9999")) < NOW[:10] or not p.get("emails"):
                continue
            found.append((str(p["name"]), str(p["emails"][0])))
        found.sort(key=lambda x: x[1] != "jordan.ellis@milwaukee.gov")
        if found:
            return found[0]
        print(f"bench: no {dept} spokesperson in the roster; using jordan.ellis@milwaukee.gov", file=sys.stderr)
        return "Jordan Ellis", "jordan.ellis@milwaukee.gov"

    def identity(self, path: str) -> tuple[tuple[str, str], tuple[str, str]]:
        """(spokesperson, reviewer) of the last merge that brought `path` into main."""
        merge = self.git("log", "-1", "--first-parent", "--merges", "--format=%H%x00%an%x00%ae", "--",
                         path, capture=True).strip().split("\x00")
        author = self.git("log", "-1", "--no-merges", "--format=%an%x00%ae", merge[0] + "^2", "--", path,
                          capture=True).strip().split("\x00")
        return (author[0], author[1]), (merge[1], merge[2])

    def a_post(self, dept_hint="dpw") -> str:
        """A clean, current post: not planted with personal data, not stale, not scheduled, no media."""
        if self._post:
            return self._post
        planted = {p["path"] for p in self.manifest.get("pii", [])}
        files = self.git("ls-files", "content/posts", capture=True).split()
        pick = None
        for f in files:
            if f"/{dept_hint}/2026/" in f and f not in planted:
                text = open(os.path.join(self.repo, f), encoding="utf-8").read()
                head = text.split("\n---\n", 1)[0]
                if ("\nreview_by: 202" in head and "\nreview_by: 2026" not in head
                        and "\npublish_at:" not in head and "\nmedia:" not in head):
                    pick = f
                    break
        self._post = pick or next(f for f in reversed(files) if f not in planted)
        return self._post


def load_yaml(path: str):
    """The generator's YAML loader (PyYAML when importable, else its own subset loader)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("gen_corpus", GEN)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.yaml_load(open(path, encoding="utf-8").read()) or {}


def rmtree(p):
    shutil.rmtree(p, ignore_errors=True)


def discard(c: "Ctx", p: str):
    """Moves an output folder aside into the run folder, which is removed when the bench ends,
    instead of deleting it before a timed run. On ext4 without a journal (these machines'
    root file system) the inode allocator skips inodes freed in the last minute, or the last
    six while their inode-table block is dirty (`recently_deleted` in fs/ext4/ialloc.c),
    so a run creating tens of thousands of files right after as many were deleted spends
    seconds of kernel time scanning past them: a cost of the harness's cleanup, not of the
    tool, and one a build on a fresh checkout never pays. Hugo's and civicpost's outputs are
    treated alike."""
    if os.path.lexists(p):
        c.discarded += 1
        os.rename(p, os.path.join(c.run_dir, f"discarded-{c.discarded}"))


def hook_stage_one_post(c: Ctx):
    """A new DPW post, staged; the spokesperson's identity comes from the row's env (AUTHOR_ENV)."""
    src = c.a_post("dpw")
    text = open(os.path.join(c.repo, src), encoding="utf-8").read()
    head, body = text.split("\n---\n", 1)
    head = "\n".join(("title: Bench staged post about leaf collection" if l.startswith("title:") else l)
                     for l in head.split("\n"))
    dst = os.path.join(os.path.dirname(src), "bench-staged-post.md")
    with open(os.path.join(c.repo, dst), "w", encoding="utf-8") as f:
        f.write(head + "\n---\n" + body)
    c.git("add", dst)
    c.staged = dst


def hook_unstage_post(c: Ctx):
    if c.staged:
        c.git("reset", "-q", "--", c.staged)
        os.remove(os.path.join(c.repo, c.staged))
        c.staged = None


def hook_clean_hugo_out(c: Ctx):
    discard(c, c.hugo_out)


def hook_clean_publish(c: Ctx):
    """From nothing: no site, no queue, no publish cache or records state, no records branch."""
    discard(c, c.site_out)
    discard(c, c.queue_out)
    rmtree(os.path.join(c.repo, ".git", "civicpost"))
    if subprocess.run(["git", "-C", c.repo, "rev-parse", "-q", "--verify", "refs/heads/records"],
                      stdout=subprocess.DEVNULL).returncode == 0:
        c.git("update-ref", "-d", "refs/heads/records")
    # The packs earlier runs wrote for the records branch are unreachable now: remove them,
    # so that every run starts from the corpus's own objects only.
    for f in set(os.listdir(c.pack_dir())) - c.packs0:
        os.remove(os.path.join(c.pack_dir(), f))


def hook_hugo_full_build(c: Ctx):
    hook_clean_hugo_out(c)
    subprocess.run(["hugo", "--quiet", "-s", c.hugo_site, "-d", c.hugo_out], check=True,
                   stdout=subprocess.DEVNULL)


def _edit_marker(c: Ctx) -> str:
    c.edits += 1
    return f"Bench update {c.edits}: the schedule above has been confirmed."


def hook_edit_hugo_post(c: Ctx):
    post = c.a_post()
    path = os.path.join(c.hugo_site, "content", post[len("content/posts/"):])
    marker = _edit_marker(c)
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\n{marker}\n")
    c.last_edit = (post, marker)


def hook_publish_full_build(c: Ctx):
    hook_clean_publish(c)
    r = subprocess.run([c.civicpost, "publish", "--now", NOW, "--out", c.site_out, "--queue", c.queue_out],
                       cwd=c.repo, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode not in (0,):
        raise HookError(f"civicpost publish (setup) exited {r.returncode}: {r.stderr.strip()[-500:]}")


# Edits are committed and merged at fixed times after the corpus's history (which ends
# 2026-11-13) and before NOW: with the wall clock, the merge would lie after --now and
# publish would hold the edited post back as "scheduled" instead of publishing it.
EDIT_BASE = datetime.datetime(2026, 11, 19, 15, 0, tzinfo=datetime.timezone.utc)


def hook_edit_and_merge_post(c: Ctx):
    """A spokesperson edits one post on a branch; its reviewer merges it with --no-ff."""
    post = c.a_post()
    (an, ae), (rn, re_) = c.identity(post)
    marker = _edit_marker(c)
    when = EDIT_BASE + datetime.timedelta(minutes=2 * c.edits)
    d1, d2 = when.isoformat(), (when + datetime.timedelta(minutes=1)).isoformat()
    spk = dict(os.environ, GIT_AUTHOR_NAME=an, GIT_AUTHOR_EMAIL=ae, GIT_COMMITTER_NAME=an, GIT_COMMITTER_EMAIL=ae,
               GIT_AUTHOR_DATE=d1, GIT_COMMITTER_DATE=d1)
    rev = dict(os.environ, GIT_AUTHOR_NAME=rn, GIT_AUTHOR_EMAIL=re_, GIT_COMMITTER_NAME=rn, GIT_COMMITTER_EMAIL=re_,
               GIT_AUTHOR_DATE=d2, GIT_COMMITTER_DATE=d2)
    branch = f"bench-edit-{c.edits}"
    c.git("checkout", "-q", "-b", branch)
    with open(os.path.join(c.repo, post), "a", encoding="utf-8") as f:
        f.write(f"\n{marker}\n")
    c.git("commit", "-q", "-a", "-m", f"Update {os.path.basename(post)}", env=spk)
    c.git("checkout", "-q", "main")
    c.git("merge", "-q", "--no-ff", "-m", f"Merge branch '{branch}' into main", branch, env=rev)
    c.git("branch", "-q", "-D", branch)
    c.last_edit = (post, marker)


HOOKS = {name[len("hook_"):]: fn for name, fn in globals().items() if name.startswith("hook_")}


class HookError(Exception):
    pass


def _count_files(d):
    return sum(len(fs) for _, _, fs in os.walk(d)) if os.path.isdir(d) else 0


def _planted(c: Ctx) -> set:
    return {(p["path"], p["line"]) for p in c.manifest.get("pii", [])}


def _rg_counts(out: str) -> tuple[int, int]:
    total = files = 0
    for line in out.splitlines():
        n = line.rsplit(":", 1)[-1]
        if n.isdigit():
            total += int(n)
            files += 1
    return total, files


def sum_rg_count(out: str, c: Ctx) -> str:
    total, files = _rg_counts(out)
    return f"{total} matching lines in {files} files"


def sum_rg_accuracy(out: str, c: Ctx) -> str:
    """rg -c only counts lines; an untimed `rg -n` pass says which planted lines it covers."""
    total, files = _rg_counts(out)
    planted = _planted(c)
    r = subprocess.run(["rg", "-n", "--no-heading"] + RG_PII[2:] + ["content/posts"], cwd=c.repo,
                       stdout=subprocess.PIPE, text=True)
    hit = set()
    for line in r.stdout.splitlines():
        parts = line.split(":", 2)
        if len(parts) >= 2 and parts[1].isdigit():
            hit.add((parts[0], int(parts[1])))
    covered = len(planted & hit)
    c.accuracy = {"planted": len(planted), "rg_lines": total, "rg_files": files, "rg_planted_lines": covered,
                  "rg_other_lines": len(hit - planted)}
    return (f"{total} matching lines in {files} files; {covered}/{len(planted)} planted lines among them, "
            f"{len(hit - planted)} other lines (city numbers, addresses, dates)")


def _findings(out: str):
    try:
        doc = json.loads(out)
    except ValueError:
        return None, None
    if not isinstance(doc, dict):
        return None, None
    return doc.get("findings", []), doc.get("summary", {})


def sum_json_findings(out: str, c: Ctx) -> str:
    fs, _ = _findings(out)
    if fs is None:
        return f"output not JSON ({len(out)} bytes)"
    pii = sum(1 for f in fs if str(f.get("rule", "")).startswith("pii."))
    planted = len(c.manifest.get("pii", []))
    rules = {}
    for f in fs:
        rules[f.get("rule")] = rules.get(f.get("rule"), 0) + 1
    top = ", ".join(f"{k} {v}" for k, v in sorted(rules.items(), key=lambda kv: -kv[1])[:4])
    return f"{len(fs)} findings, {pii} pii.* (planted {planted}); {top}"


def sum_json_accuracy(out: str, c: Ctx) -> str:
    fs, _ = _findings(out)
    if fs is None:
        return f"output not JSON ({len(out)} bytes)"
    planted = _planted(c)
    pii = {(f.get("file"), f.get("line")) for f in fs if str(f.get("rule", "")).startswith("pii.")}
    npii = sum(1 for f in fs if str(f.get("rule", "")).startswith("pii."))
    tp = len(planted & pii)
    acc = getattr(c, "accuracy", {})
    acc.update({"civicpost_findings": len(fs), "civicpost_pii": npii, "civicpost_planted_found": tp,
                "civicpost_pii_not_planted": len(pii - planted)})
    c.accuracy = acc
    return (f"{len(fs)} findings, {npii} pii.*: {tp}/{len(planted)} planted items found, "
            f"{len(pii - planted)} other lines flagged")


def sum_json_staged(out: str, c: Ctx) -> str:
    fs, summ = _findings(out)
    if fs is None:
        return f"output not JSON ({len(out)} bytes)"
    files = summ.get("files") if isinstance(summ, dict) else None
    who = f"as {c.author_email}"
    return f"{len(fs)} findings in {files if files is not None else '?'} staged file(s), {who}"


def _page(out_dir: str, post: str) -> str:
    return os.path.join(out_dir, post[len("content/posts/"):-len(".md")], "index.html")


def _edit_note(out_dir: str, c: Ctx) -> str:
    if not c.last_edit:
        return ""
    post, marker = c.last_edit
    try:
        found = marker in open(_page(out_dir, post), encoding="utf-8").read()
    except OSError:
        return f"edited page missing: {_page(out_dir, post)}"
    return "edit is on the page" if found else "EDIT NOT ON THE PAGE"


def _published(out: str) -> str:
    """civicpost publish's first line, without its paths: "published N posts from C: ..."."""
    first = out.strip().splitlines()[0] if out.strip() else ""
    if not first.startswith("published"):
        return ""
    return re.sub(r" into \S+?:", ":", re.sub(r" into \S+$", "", first.replace(";", ",")))


def _packs(c: Ctx) -> str:
    """The packs in the content repository: publish writes the records branch as packs."""
    d = os.path.join(c.repo, ".git", "objects", "pack")
    packs = [f for f in os.listdir(d) if f.endswith(".pack")] if os.path.isdir(d) else []
    size = sum(os.path.getsize(os.path.join(d, f)) for f in packs)
    return f"repo has {len(packs)} packs, {size / 1e6:.0f} MB"


def sum_files_site(out: str, c: Ctx) -> str:
    return (f"{_count_files(c.site_out)} site + {_count_files(c.queue_out)} queue files; {_published(out)}; "
            f"{_packs(c)}")


SUMMARIES = {
    "rg_count": sum_rg_count,
    "rg_accuracy": sum_rg_accuracy,
    "json_findings": sum_json_findings,
    "json_accuracy": sum_json_accuracy,
    "json_staged": sum_json_staged,
    "lines": lambda out, c: f"{out.count(chr(10))} lines",
    "last_line": lambda out, c: (out.strip().splitlines() or [""])[-1][:90],
    "files_hugo": lambda out, c: f"{_count_files(c.hugo_out)} files out",
    "files_site": sum_files_site,
    "edit_in_hugo": lambda out, c: _edit_note(c.hugo_out, c),
    "edit_in_site": lambda out, c: f"{_edit_note(c.site_out, c)}; {_published(out)}; {_packs(c)}",
}


# ---------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------

def corpus_key(posts: int, seed: int) -> str:
    h = hashlib.sha256()
    for p in (GEN, os.path.join(REPO, "civicpost.yml"), os.path.join(REPO, "content", "roster.yml"),
              os.path.join(REPO, "hooks", "pre-commit")):
        h.update(p.encode() + b"\0")
        if os.path.exists(p):
            h.update(open(p, "rb").read())
    return f"p{posts}-s{seed}-{h.hexdigest()[:12]}"


def ensure_corpus(posts: int, seed: int) -> tuple[str, dict]:
    key = corpus_key(posts, seed)
    cache = os.path.join(SCRATCH, "cache", key)
    meta_path = os.path.join(cache, "meta.json")
    if os.path.exists(meta_path):
        meta = json.load(open(meta_path))
        print(f"corpus: cached {cache} ({meta['summary']})")
        return cache, meta
    os.makedirs(os.path.join(SCRATCH, "cache"), exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=key + ".", dir=os.path.join(SCRATCH, "cache"))
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, GEN, "--posts", str(posts), "--seed", str(seed),
                        "--out", os.path.join(tmp, "repo"), "--hugo", os.path.join(tmp, "hugo"), "--force"],
                       stdout=subprocess.PIPE, text=True)
    secs = time.perf_counter() - t0
    if r.returncode != 0:
        rmtree(tmp)
        sys.exit(f"bench: gen_corpus.py failed ({r.returncode})")
    meta = {"key": key, "posts": posts, "seed": seed, "gen_seconds": round(secs, 2),
            "summary": r.stdout.strip().splitlines()[-1].split(" -> ")[0]}
    with open(os.path.join(tmp, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    rmtree(cache)
    os.rename(tmp, cache)
    # corpora made from an older generator, config, roster or hook are never used again
    for old in os.listdir(os.path.join(SCRATCH, "cache")):
        if old.startswith(f"p{posts}-s{seed}-") and old != key:
            rmtree(os.path.join(SCRATCH, "cache", old))
    print(f"corpus: generated in {secs:.1f} s: {meta['summary']}")
    return cache, meta


def posts_bytes(repo: str) -> int:
    total = 0
    for dp, _, fs in os.walk(os.path.join(repo, "content", "posts")):
        for f in fs:
            total += os.path.getsize(os.path.join(dp, f))
    return total


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------

@dataclass
class Result:
    row: Row
    status: str = "ok"          # ok | FAILED | not built | skipped
    times: list = field(default_factory=list)
    rss_mb: float = 0.0
    codes: list = field(default_factory=list)
    note: str = ""
    error: str = ""

    @property
    def median(self):
        return statistics.median(self.times) if self.times else None


# Peak RSS: ru_maxrss of a process counts the memory of whatever it was before
# exec, so a command forked straight from this ~20 MB Python process would
# report at least ~20 MB (git status really peaks at ~8 MB).  The commands are
# therefore started by a tiny C launcher (compiled once with cc) that forks,
# execs, and reports os.wait4-style rusage (ru_maxrss) and its own monotonic
# wall time of the child.  Without a C compiler the harness forks the command
# itself and reports ru_maxrss from os.wait4, marked as an upper bound.
SPAWN_C = r"""
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <time.h>
#include <sys/wait.h>
#include <sys/resource.h>
int main(int argc, char **argv) {
    if (argc < 5) return 125;           /* spawn REPORT OUT ERR cmd... */
    struct timespec a, b; struct rusage ru; int st;
    clock_gettime(CLOCK_MONOTONIC, &a);
    pid_t pid = fork();
    if (pid == 0) {
        int o = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int n = open("/dev/null", O_RDONLY);
        if (o < 0 || e < 0 || n < 0) _exit(126);
        dup2(n, 0); dup2(o, 1); dup2(e, 2);
        execvp(argv[4], argv + 4);
        perror("exec"); _exit(127);
    }
    if (pid < 0 || wait4(pid, &st, 0, &ru) < 0) return 125;
    clock_gettime(CLOCK_MONOTONIC, &b);
    FILE *f = fopen(argv[1], "w");
    if (!f) return 125;
    fprintf(f, "%.9f %d %ld\n", (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9,
            WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), ru.ru_maxrss);
    fclose(f);
    return 0;
}
"""
_spawner: str | None = None


def spawner() -> str | None:
    """Path of the compiled launcher, or None when no C compiler is available."""
    global _spawner
    if _spawner is None:
        digest = hashlib.sha256(SPAWN_C.encode()).hexdigest()[:12]
        exe = os.path.join(SCRATCH, f"spawn-{digest}")
        if not os.access(exe, os.X_OK):
            cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
            if cc:
                src = exe + ".c"
                os.makedirs(SCRATCH, exist_ok=True)
                with open(src, "w") as f:
                    f.write(SPAWN_C)
                subprocess.run([cc, "-O2", "-o", exe + ".tmp", src], stderr=subprocess.DEVNULL)
                if os.path.exists(exe + ".tmp"):
                    os.rename(exe + ".tmp", exe)
        _spawner = exe if os.access(exe, os.X_OK) else ""
        if not _spawner:
            print("bench: no C compiler: peak RSS is an upper bound (includes the harness's own ~20 MB)",
                  file=sys.stderr)
    return _spawner or None


def run_once(argv, cwd, out_path, err_path, env=None):
    """(wall seconds, exit code, peak RSS MiB) of one run of argv."""
    sp = spawner()
    if sp:
        report = out_path + ".rusage"
        p = subprocess.Popen([sp, report, out_path, err_path, *argv], cwd=cwd, stdin=subprocess.DEVNULL, env=env)
        _, status, _ = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            raise OSError(f"launcher failed ({p.returncode}) for {argv[0]}")
        secs, code, maxrss = open(report).read().split()
        return float(secs), int(code), int(maxrss) / 1024.0   # Linux: ru_maxrss in KiB
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        secs = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return secs, p.returncode, ru.ru_maxrss / 1024.0


def expand(arg: str, v: dict) -> str:
    """Fill {placeholders} (not str.format: the regexes have braces)."""
    for k, val in v.items():
        arg = arg.replace("{" + k + "}", val)
    return arg


def run_row(row: Row, c: Ctx, runs: int, warmup: int, tools_missing: set) -> Result:
    res = Result(row)
    if row.kind == "civicpost" and not os.access(c.civicpost, os.X_OK):
        res.status = "not built"
        return res
    tool = row.cmd[0]
    if tool in tools_missing:
        res.status = "skipped"
        res.note = f"{tool} not installed"
        return res
    v = c.vars()
    argv = [expand(a, v) for a in row.cmd]
    cwd = expand(row.cwd, v)
    env = dict(os.environ, **{k: expand(x, v) for k, x in row.env.items()}) if row.env else None
    out_path = os.path.join(c.run_dir, "last.out")
    err_path = os.path.join(c.run_dir, "last.err")
    try:
        if row.setup:
            HOOKS[row.setup](c)
        for i in range(warmup + runs):
            if row.before_each:
                HOOKS[row.before_each](c)
            secs, code, rss = run_once(argv, cwd, out_path, err_path, env)
            res.codes.append(code)
            if code not in row.ok:
                res.status = "FAILED"
                tail = open(err_path, "rb").read()[-800:].decode("utf-8", "replace").strip()
                res.error = f"exit {code}" + (f": {tail}" if tail else "")
                break
            if i >= warmup:
                res.times.append(secs)
                res.rss_mb = max(res.rss_mb, rss)
        if res.status == "ok" and row.summary:
            out = open(out_path, "rb").read().decode("utf-8", "replace")
            res.note = SUMMARIES[row.summary](out, c)
    except (HookError, subprocess.CalledProcessError, OSError) as e:
        res.status = "FAILED"
        res.error = f"setup: {e}"
    finally:
        if row.teardown:
            try:
                HOOKS[row.teardown](c)
            except Exception as e:  # keep going: later rows must still run
                print(f"bench: teardown {row.teardown} failed: {e}", file=sys.stderr)
    if res.codes and res.status == "ok":
        codes = sorted(set(res.codes))
        res.note = (f"exit {','.join(map(str, codes))}; " if codes != [0] else "") + res.note
    return res


def ensure_tools(rows, install: bool) -> set:
    need = {r.cmd[0] for r in rows if not r.cmd[0].startswith("{")}
    pkg = {"rg": "ripgrep", "hugo": "hugo", "git": "git"}
    missing = {t for t in need if shutil.which(t) is None}
    if missing and install and shutil.which("apt-get") and os.geteuid() == 0:
        pkgs = sorted(pkg.get(t, t) for t in missing)
        print(f"bench: installing {' '.join(pkgs)} with apt-get")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if subprocess.run(["apt-get", "install", "-y", "-q", *pkgs], stdout=subprocess.DEVNULL, env=env).returncode:
            subprocess.run(["apt-get", "update", "-q"], stdout=subprocess.DEVNULL, env=env)
            subprocess.run(["apt-get", "install", "-y", "-q", *pkgs], stdout=subprocess.DEVNULL, env=env)
        missing = {t for t in need if shutil.which(t) is None}
    for t in sorted(missing):
        print(f"bench: {t} not found; its rows are skipped", file=sys.stderr)
    return missing


def tool_versions() -> dict:
    out = {}
    for name, argv in (("rg", ["rg", "--version"]), ("git", ["git", "--version"]), ("hugo", ["hugo", "version"])):
        try:
            out[name] = subprocess.run(argv, stdout=subprocess.PIPE, text=True).stdout.splitlines()[0]
        except (OSError, IndexError):
            out[name] = None
    return out


def fmt(x, spec):
    return "" if x is None else format(x, spec)


def civicpost_version(path: str) -> str | None:
    try:
        r = subprocess.run([path, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                           timeout=30)
        return r.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def git_head(path: str) -> str | None:
    r = subprocess.run(["git", "-C", path, "describe", "--always", "--dirty"], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, text=True)
    return r.stdout.strip() or None


def evaluate(results, in_bytes: int, posts: int) -> list[dict]:
    """One dict per row: timings, throughput, RSS, ratios to the group's peer, targets and whether met."""
    peers = {}
    for r in results:
        if r.row.kind == "peer" and r.row.group not in peers and r.median:
            peers[r.row.group] = r
    out = []
    for r in results:
        med = r.median
        by_posts = r.row.input == "posts" and med
        peer = peers.get(r.row.group)
        d = {"group": r.row.group, "name": r.row.name, "kind": r.row.kind, "cmd": r.row.cmd,
             "env": r.row.env, "status": r.status, "times": [round(t, 6) for t in r.times],
             "median": med, "min": min(r.times) if r.times else None, "max": max(r.times) if r.times else None,
             "mb_per_s": in_bytes / med / 1e6 if by_posts else None,
             "posts_per_s": posts / med if by_posts else None,
             "peak_rss_mb": r.rss_mb or None, "exit_codes": r.codes, "note": r.note, "error": r.error,
             "ratio_to_peer": None, "rss_ratio_to_peer": None, "targets": [], "met": None}
        if r.row.kind != "peer" and peer is not None and peer is not r:
            if med:
                d["ratio_to_peer"] = med / peer.median
            if r.rss_mb and peer.rss_mb:
                d["rss_ratio_to_peer"] = r.rss_mb / peer.rss_mb
        for t in r.row.targets:
            val = d["ratio_to_peer"] if t.metric == "time" else d["rss_ratio_to_peer"]
            d["targets"].append({"metric": t.metric, "max_ratio": t.max_ratio, "label": t.label,
                                 "value": val, "met": None if val is None else val <= t.max_ratio})
        if d["targets"]:
            ms = [t["met"] for t in d["targets"]]
            d["met"] = None if None in ms else all(ms)
        out.append(d)
    return out


def _ratio_text(d: dict) -> str:
    parts = []
    if d["ratio_to_peer"] is not None:
        parts.append(f"{d['ratio_to_peer']:.2f}x")
    if any(t["metric"] == "rss" for t in d["targets"]) and d["rss_ratio_to_peer"] is not None:
        parts[-1:] = [p + " time" for p in parts[-1:]]
        parts.append(f"{d['rss_ratio_to_peer']:.2f}x RSS")
    return ", ".join(parts)


def _met_text(d: dict) -> str:
    if not d["targets"]:
        return ""
    if d["status"] != "ok":
        return "n/a"
    if len(d["targets"]) == 1:
        m = d["targets"][0]["met"]
        return "n/a" if m is None else ("yes" if m else "no")
    words = []
    for t in d["targets"]:
        words.append(f"{t['metric']} " + ("n/a" if t["met"] is None else ("yes" if t["met"] else "no")))
    head = "n/a" if d["met"] is None else ("yes" if d["met"] else "no")
    return f"{head} ({', '.join(words)})"


def print_table(rows: list[dict]):
    """The detailed console table: min/max and the notes."""
    hdr = ["group", "tool", "median s", "min s", "max s", "MB/s", "posts/s", "RSS MB", "vs peer", "note"]
    lines = []
    prev_group = None
    for d in rows:
        g = d["group"] if d["group"] != prev_group else ""
        prev_group = d["group"]
        if d["status"] != "ok":
            note = d["status"] + (f" ({d['note']})" if d["note"] else "") + \
                (f": {d['error'].splitlines()[0][:90]}" if d["error"] else "")
            lines.append([g, d["name"], "", "", "", "", "", "", "", note])
            continue
        lines.append([g, d["name"], fmt(d["median"], ".3f"), fmt(d["min"], ".3f"), fmt(d["max"], ".3f"),
                      fmt(d["mb_per_s"], ".1f"), fmt(d["posts_per_s"], ".0f"), fmt(d["peak_rss_mb"], ".1f"),
                      _ratio_text(d), d["note"]])
    widths = [max(len(str(x[i])) for x in lines + [hdr]) for i in range(len(hdr))]
    right = {2, 3, 4, 5, 6, 7}

    def line(cells):
        return "  ".join((str(c).rjust(w) if i in right else str(c).ljust(w))
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    print(line(hdr))
    print(line(["-" * w for w in widths]))
    for x in lines:
        print(line(x))
    for d in rows:
        if d["status"] == "FAILED":
            print(f"\nFAILED {d['group']} / {d['name']}:\n  {' '.join(d['cmd'])}\n  {d['error']}")


def markdown(rows: list[dict], head: dict) -> str:
    """The table to paste into README: one line per tool, civicpost under its peer."""
    out = ["| group | tool | median s | MB/s | peak RSS MB | ratio vs peer | target | met? |",
           "|---|---|--:|--:|--:|--:|---|---|"]
    for d in rows:
        tool = d["name"].replace("|", "\\|")
        if d["status"] != "ok":
            out.append(f"| {d['group']} | {tool} | {d['status']} | | | | "
                       f"{'; '.join(t['label'] for t in d['targets'])} | {_met_text(d) if d['targets'] else ''} |")
            continue
        mbs = fmt(d["mb_per_s"], ".1f")
        if d["posts_per_s"] is not None and d["kind"] == "civicpost":
            mbs += f" ({d['posts_per_s']:.0f} posts/s)"
        ratio = _ratio_text(d) if d["kind"] != "peer" else "peer"
        target = "; ".join(t["label"] for t in d["targets"])
        out.append(f"| {d['group']} | {tool} | {d['median']:.3f} | {mbs} | {fmt(d['peak_rss_mb'], '.1f')} | "
                   f"{ratio} | {target} | {_met_text(d)} |")
    out.append("")
    out.append(f"Corpus: {head['posts']} posts, {head['posts_bytes'] / 1e6:.1f} MB in content/posts, "
               f"{head['commits']} commits (seed {head['seed']}). Median of {head['runs']} runs after "
               f"{head['warmup']} warm-up; {head['cpus']} CPUs; load average {head['load_before']} before, "
               f"{head['load_after']} after. civicpost {head['civicpost_version'] or '?'}"
               + (f" at {head['source']}" if head.get("source") else "") + f"; {head['tools_line']}.")
    notes = [f"- {d['group']} / {d['name']}: {d['note']}" for d in rows if d["note"] and d["status"] == "ok"]
    if notes:
        out.append("")
        out += notes
    return "\n".join(out) + "\n"


def loadavg() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv=None):
    ap = argparse.ArgumentParser(description="Time civicpost against peer tools on a generated corpus.")
    ap.add_argument("--posts", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--only", help="comma-separated substrings of group or row names")
    ap.add_argument("--civicpost", default=os.path.join(REPO, ".build", "release", "civicpost"),
                    help="civicpost binary (default: .build/release/civicpost in the repository)")
    ap.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    ap.add_argument("--markdown", metavar="OUT", help="also write the Markdown table to this file")
    ap.add_argument("--keep", action="store_true", help="keep the scratch copy of the corpus")
    ap.add_argument("--no-install", action="store_true", help="do not apt-get install missing peer tools")
    ap.add_argument("--fail-unmet", action="store_true", help="exit 3 when a target is not met")
    ap.add_argument("--list", action="store_true", help="list the rows and exit")
    args = ap.parse_args(argv)
    if args.posts < 1 or args.runs < 1 or args.warmup < 0:
        ap.error("--posts and --runs must be at least 1, --warmup at least 0")

    rows = ROWS
    if args.only:
        keys = [k.strip().lower() for k in args.only.split(",") if k.strip()]
        rows = [r for r in ROWS if any(k in r.group.lower() or k in r.name.lower() for k in keys)]
        if not rows:
            sys.exit(f"bench: --only {args.only!r} matches no row (see --list)")
        # a civicpost row is measured against its group's peer: keep the peer too
        groups = {r.group for r in rows}
        rows = [r for r in ROWS if r in rows or (r.kind == "peer" and r.group in groups)]
    if args.list:
        for r in rows:
            print(f"{r.group:22} {r.kind:9} {r.name:40} {' '.join(r.cmd)}")
        return 0

    civicpost = os.path.abspath(args.civicpost)
    built = os.access(civicpost, os.X_OK)
    source = git_head(REPO)   # before the runs: the sources may change while they go on
    if not built and any(r.kind == "civicpost" for r in rows):
        print("civicpost not built: run `swift build -c release --product civicpost`"
              + ("" if civicpost.endswith(os.path.join(".build", "release", "civicpost")) else f" ({civicpost})"),
              file=sys.stderr)
    missing = ensure_tools(rows, not args.no_install)

    cache, meta = ensure_corpus(args.posts, args.seed)
    os.makedirs(SCRATCH, exist_ok=True)
    run_dir = tempfile.mkdtemp(prefix="run-", dir=SCRATCH)
    try:
        subprocess.run(["cp", "-a", os.path.join(cache, "repo"), os.path.join(cache, "hugo"), run_dir], check=True)
        manifest = json.load(open(os.path.join(run_dir, "repo", ".git", "bench-manifest.json")))
        c = Ctx(run_dir, civicpost, manifest)
        # cp gives new inodes and ctimes: refresh the index once so no row pays for re-hashing.
        subprocess.run(["git", "-C", c.repo, "update-index", "-q", "--refresh"], stdout=subprocess.DEVNULL)
        in_bytes = posts_bytes(c.repo)
        load_before = loadavg()
        print(f"input: {manifest['posts']} posts, {in_bytes / 1e6:.1f} MB in content/posts, "
              f"{manifest['commits']} commits; {args.runs} runs + {args.warmup} warm-up; {os.cpu_count()} CPUs; "
              f"load average {load_before}\n")
        results = []
        for row in rows:
            print(f"  {row.group} / {row.name} ...", end="", flush=True, file=sys.stderr)
            res = run_row(row, c, args.runs, args.warmup, missing)
            print(f" {res.status}" + (f" {res.median:.3f} s" if res.median else ""), file=sys.stderr)
            results.append(res)
        load_after = loadavg()
        ev = evaluate(results, in_bytes, manifest["posts"])
        print()
        print_table(ev)
        tools = tool_versions()
        head = {"posts": manifest["posts"], "posts_bytes": in_bytes, "commits": manifest["commits"],
                "seed": args.seed, "runs": args.runs, "warmup": args.warmup, "cpus": os.cpu_count(),
                "load_before": load_before, "load_after": load_after,
                "civicpost_version": civicpost_version(civicpost) if built else None,
                "source": source,
                "tools_line": ", ".join(v for v in tools.values() if v)}
        md = markdown(ev, head)
        print("\n" + md, end="")
        if args.markdown:
            os.makedirs(os.path.dirname(os.path.abspath(args.markdown)), exist_ok=True)
            with open(args.markdown, "w") as f:
                f.write(md)
            print(f"\nMarkdown written to {args.markdown}")
        if args.json:
            doc = {"schema": 2, "now": NOW,
                   "corpus": {**meta, "posts_bytes": in_bytes, "commits": manifest["commits"],
                              "planted_pii": len(manifest.get("pii", []))},
                   "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                               "python": platform.python_version(), "tools": tools,
                               "load_average_before": load_before, "load_average_after": load_after},
                   "civicpost": {"path": civicpost, "built": built, "version": head["civicpost_version"],
                                 "source": head["source"]},
                   "runs": args.runs, "warmup": args.warmup,
                   "accuracy": getattr(c, "accuracy", None),
                   "rows": ev}
            os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
            with open(args.json, "w") as f:
                json.dump(doc, f, indent=1)
            print(f"JSON written to {args.json}")
        if any(d["status"] == "FAILED" for d in ev):
            return 1
        if args.fail_unmet and any(d["met"] is False for d in ev):
            return 3
        return 0
    finally:
        if args.keep:
            print(f"scratch kept: {run_dir}")
        else:
            rmtree(run_dir)


if __name__ == "__main__":
    sys.exit(main())
