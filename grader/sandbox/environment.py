"""The environment a learner's kernel sees: an allow-list, so nothing of the host's reaches it."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from grader.sandbox.launch import SessionDirs

_PASS_THROUGH_ENV = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")  # correctness settings on some CPUs


def sandbox_env(dirs: SessionDirs) -> dict[str, str]:
    """The whole environment of the kernel: paths inside the sandbox, a UTF-8 locale, BLAS pinned to
    one thread, and the two OpenBLAS settings some CPUs need; nothing else of the grader's."""
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": dirs.work_in,
        "TMPDIR": dirs.work_in,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "IPYTHONDIR": f"{dirs.work_in}/.ipython",
        "MPLBACKEND": "Agg",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NUMEXPR_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    env.update({k: os.environ[k] for k in _PASS_THROUGH_ENV if k in os.environ})
    return env
