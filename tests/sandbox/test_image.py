"""The offline image build, without a Docker daemon: pins, base choice, the content-hash tag, and a build
that is skipped when its image exists and explains itself when a step fails."""
from __future__ import annotations

import subprocess
from importlib import metadata
from typing import Any

import pytest

from grader.errors import SandboxUnavailable
from grader.sandbox import image


class _Images:
    def __init__(self, ids: dict[str, str]):
        self.ids = ids

    def get(self, ref: str) -> Any:
        import docker

        if ref not in self.ids:
            raise docker.errors.ImageNotFound(ref)
        return type("Image", (), {"id": self.ids[ref]})()


class FakeClient:
    def __init__(self, ids: dict[str, str]):
        self.images = _Images(ids)


def test_kernel_packages_are_pinned_to_the_hosts_versions() -> None:
    pins = dict(line.split("==") for line in image.requirements().splitlines())
    assert set(pins) == set(image.KERNEL_PACKAGES)
    assert all(pins[name] == metadata.version(name) for name in pins)
    constraints = image.constraints()
    assert "numpy==" in constraints and "\ngrader==" not in "\n" + constraints and "\npip==" not in "\n" + constraints


def test_the_base_is_the_override_then_a_local_slim_then_debian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRADER_SANDBOX_BASE", raising=False)
    assert image.base_image(FakeClient({})) == image.DEBIAN_BASE
    assert image.base_image(FakeClient({image.SLIM_BASE: "sha256:1"})) == image.SLIM_BASE
    monkeypatch.setenv("GRADER_SANDBOX_BASE", "my/base:1")
    assert image.base_image(FakeClient({image.SLIM_BASE: "sha256:1"})) == "my/base:1"


def test_the_tag_is_a_hash_of_what_goes_into_the_image(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRADER_SANDBOX_BASE", raising=False)
    one = image.image_tag(FakeClient({image.DEBIAN_BASE: "sha256:aaa"}))
    assert one == image.image_tag(FakeClient({image.DEBIAN_BASE: "sha256:aaa"})) and one.startswith(image.REPO + ":")
    assert one != image.image_tag(FakeClient({image.DEBIAN_BASE: "sha256:bbb"}))  # a rebuilt base makes a new tag
    monkeypatch.setattr(image, "requirements", lambda: "numpy==0.0.1\n")
    assert one != image.image_tag(FakeClient({image.DEBIAN_BASE: "sha256:aaa"}))


def test_a_built_image_is_found_and_not_built_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRADER_SANDBOX_BASE", raising=False)
    base = {image.DEBIAN_BASE: "sha256:base"}
    tag = image.image_tag(FakeClient(base))
    client = FakeClient({**base, tag: "sha256:built"})
    assert image.current_image(FakeClient(base)) is None and image.current_image(client) == (tag, "sha256:built")
    monkeypatch.setattr(image, "_client", lambda: client)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("nothing is run for an image that exists"))
    said: list[str] = []
    assert image.build(said.append) == (tag, "sha256:built") and "up to date" in said[0]


def test_a_failing_step_says_which_and_why(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SandboxUnavailable, match=r"fetching wheels failed \(exit 1\): the last line"):
        image._run(["sh", "-c", "echo first >&2; echo 'the last line' >&2; exit 1"], lambda _: None, "fetching wheels")
    monkeypatch.setattr(image.shutil, "which", lambda name: None)
    with pytest.raises(SandboxUnavailable, match="debootstrap is not installed"):
        image.build_debian_base(FakeClient({}), lambda _: None)
