import math


def lr_at(step: int, base_lr: float, warmup: int, total: int, min_lr: float = 0.0) -> float:
    """Learning rate at a 0-based step: linear warmup, then cosine decay to min_lr, then min_lr."""
    if step < 0 or warmup < 0 or total < warmup:
        raise ValueError("need step >= 0 and 0 <= warmup <= total")
    if step < warmup:
        return float(base_lr * (step + 1) / warmup)
    if step >= total:
        return float(min_lr)
    progress = (step - warmup) / (total - warmup)
    return float(min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(math.pi * progress)))
