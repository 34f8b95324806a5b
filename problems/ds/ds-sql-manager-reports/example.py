emp = pd.DataFrame({
    "id":         [1, 2, 3, 4, 5, 6, 7, 8, 10],
    "name":       ["Maya", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy"],
    "manager_id": [np.nan, 1, 1, 1, 2, 2, 9, 9, 3]})
print(managers_with_reports(emp, 2))
print(managers_with_reports(emp, 1))
