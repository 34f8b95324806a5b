# breaks: no-decay-phase (total == warmup: min_lr from step total on, no decay phase)
import math


def lr_at(step, base_lr, warmup, total, min_lr=0.0):
    # Computes the decay progress first and clamps it to 1 for the floor: divides by
    # total - warmup, which is 0 when there is no decay phase.
    if step < 0 or warmup < 0 or total < warmup:
        raise ValueError("need step >= 0 and 0 <= warmup <= total")
    if step < warmup:
        return float(base_lr * (step + 1) / warmup)
    progress = min((step - warmup) / (total - warmup), 1.0)
    return float(min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(math.pi * progress)))
