print(two_prop_ztest(45, 100, 60, 100))             # expected (2.1239769762143657, 0.03367206885634588)
print(two_prop_ztest(45, 100, 60, 100, "larger"))   # one-sided: half of the two-sided p here
