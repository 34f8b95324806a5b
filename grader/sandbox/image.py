"""Building the Docker sandbox image offline, tagged by a hash of everything that goes into it.

No image registry is reachable on the project's machines, so the base is `python:3.11-slim` only
when it is already present; otherwise a Debian base is made with debootstrap and `docker import`.
Wheels are fetched on the host (which reaches the package index) and installed with `--no-index`,
pinned to the versions the host resolved, so the kernel inside sees the same libraries.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from grader.errors import SandboxUnavailable
from grader.resources import sandbox_dir

REPO = "grader-sandbox"
SLIM_BASE = "python:3.11-slim"
DEBIAN_BASE = "grader-base:bookworm"
DEBIAN_MIRROR = os.environ.get("GRADER_DEBIAN_MIRROR", "http://deb.debian.org/debian")
KERNEL_PACKAGES = ("numpy", "pandas", "scikit-learn", "scipy", "ipykernel")
DOCKERFILE = sandbox_dir() / "Dockerfile"


def requirements() -> str:
    """The kernel's top-level packages, pinned to the host's versions."""
    return "".join(f"{name}=={metadata.version(name)}\n" for name in KERNEL_PACKAGES)


def constraints() -> str:
    """Every installed distribution's version on the host, so dependencies resolve identically."""
    skip = {"grader", "pip", "setuptools", "wheel"}
    pins = {}
    for dist in metadata.distributions():
        name = (dist.metadata["Name"] or "").lower()
        if name and name not in skip:
            pins[name] = dist.version
    return "".join(f"{n}=={v}\n" for n, v in sorted(pins.items()))


def _client() -> Any:
    try:
        import docker
    except ImportError:
        raise SandboxUnavailable("the Python docker SDK is not installed: pip install 'grader[docker]'") from None
    try:
        client = docker.from_env(timeout=30)
        client.ping()
    except Exception as exc:  # noqa: BLE001 - the SDK raises several types for an absent daemon
        host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
        raise SandboxUnavailable(
            f"Docker daemon not reachable at {host}: start it with 'dockerd >/var/log/dockerd.log 2>&1 &' "
            f"(Debian package docker.io) ({type(exc).__name__})") from None
    return client


def _image_id(client: Any, ref: str) -> str | None:
    import docker

    try:
        return client.images.get(ref).id
    except docker.errors.ImageNotFound:
        return None


def base_image(client: Any) -> str:
    """The base reference to build from: $GRADER_SANDBOX_BASE, a local python:3.11-slim, else the Debian base."""
    override = os.environ.get("GRADER_SANDBOX_BASE")
    if override:
        return override
    if _image_id(client, SLIM_BASE):
        return SLIM_BASE
    return DEBIAN_BASE


def image_tag(client: Any) -> str:
    """`grader-sandbox:<hash>` of the Dockerfile, the pins and the base image's id."""
    base = base_image(client)
    h = hashlib.sha256()
    for part in (DOCKERFILE.read_text(encoding="utf-8"), requirements(), constraints(), base,
                 _image_id(client, base) or "absent"):
        h.update(part.encode())
        h.update(b"\0")
    return f"{REPO}:{h.hexdigest()[:16]}"


def current_image(client: Any) -> tuple[str, str] | None:
    """(tag, image id) of the image matching this checkout, if it is built."""
    tag = image_tag(client)
    image_id = _image_id(client, tag)
    return (tag, image_id) if image_id else None


def local_identity() -> tuple[str | None, str | None]:
    """(content-hash tag, built image id) of this host's sandbox image; None where unknown (no daemon, not built)."""
    try:
        client = _client()
    except SandboxUnavailable:
        return None, None
    tag = image_tag(client)
    return tag, _image_id(client, tag)


def _run(cmd: list[str], say: Callable[[str], None], what: str, **kw: Any) -> None:
    say(f"{what}: {' '.join(cmd[:4])} ...")
    proc = subprocess.run(cmd, capture_output=True, **kw)
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise SandboxUnavailable(f"{what} failed (exit {proc.returncode}): {tail[0][:300]}")


def build_debian_base(client: Any, say: Callable[[str], None]) -> None:
    """debootstrap a minimal Debian with Python and import it as the base image."""
    if shutil.which("debootstrap") is None:
        raise SandboxUnavailable("debootstrap is not installed: apt-get install debootstrap (needed to make "
                                 "the base image offline)")
    if os.geteuid() != 0:
        raise SandboxUnavailable("making the Debian base image needs root (debootstrap); run 'grader sandbox build' as root")
    with tempfile.TemporaryDirectory(prefix="grader-base-") as tmp:
        root = Path(tmp) / "root"
        _run(["debootstrap", "--variant=minbase", "--include=python3,python3-venv", "bookworm", str(root),
              DEBIAN_MIRROR], say, "debootstrap")
        say(f"importing the base as {DEBIAN_BASE}")
        tar = subprocess.Popen(["tar", "-C", str(root), "-c", "."], stdout=subprocess.PIPE)
        imp = subprocess.run(["docker", "import", "-", DEBIAN_BASE], stdin=tar.stdout, capture_output=True)
        tar.wait()
        if imp.returncode != 0 or tar.returncode != 0:
            raise SandboxUnavailable(f"docker import failed: {imp.stderr.decode('utf-8', 'replace')[-300:]}")


def build(say: Callable[[str], None] = lambda _: None, force: bool = False) -> tuple[str, str]:
    """Build the sandbox image unless an identical one exists; returns (tag, image id)."""
    client = _client()
    if not force and (found := current_image(client)):
        say(f"{found[0]} is up to date ({found[1][:19]})")
        return found
    base = base_image(client)
    if base == DEBIAN_BASE and not _image_id(client, DEBIAN_BASE):
        build_debian_base(client, say)
    tag = image_tag(client)
    with tempfile.TemporaryDirectory(prefix="grader-image-") as tmp:
        ctx = Path(tmp)
        shutil.copy(DOCKERFILE, ctx / "Dockerfile")
        (ctx / "requirements.txt").write_text(requirements())
        (ctx / "constraints.txt").write_text(constraints())
        _run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "-d", str(ctx / "wheels"),
              "-r", str(ctx / "requirements.txt"), "-c", str(ctx / "constraints.txt")], say, "fetching wheels")
        _run(["docker", "build", "--quiet", "--network", "none", "--build-arg", f"BASE={base}", "-t", tag, str(ctx)],
             say, "building the image")
    image_id = _image_id(client, tag)
    assert image_id is not None
    say(f"built {tag} ({image_id[:19]})")
    return tag, image_id
