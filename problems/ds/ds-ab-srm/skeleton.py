def srm_pvalue(n_a: int, n_b: int, expected_share_a: float = 0.5) -> float:
    """Return the p-value of the observed split n_a : n_b against the planned share of arm A."""
    raise NotImplementedError
