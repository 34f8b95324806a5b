import math


def lr_at(step: int, base_lr: float, warmup: int, total: int, min_lr: float = 0.0) -> float:
    """Learning rate at 0-based `step`: linear warmup, cosine decay to min_lr, then min_lr."""
    raise NotImplementedError
