print(srm_pvalue(50000, 51000))                       # expected: about 0.0016519
print(srm_pvalue(2000, 8000, expected_share_a=0.2))   # expected: 1.0
