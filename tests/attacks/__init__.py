"""Hostile-notebook regression suite: one attack per entry of the attack catalogue (A1-E8)."""
