df = pd.DataFrame({
    "date":     ["2024-01-15", "2023-12-03", "2024-01-02", "2023-12-28", "2023-12-28"],
    "category": ["toys",       "books",      "books",      "books",      "games"],
    "revenue":  [20.0,         12.5,         7.0,          2.5,          40.0],
})
out = monthly_revenue(df)
print(out)
print(out.index)
print(out.columns)
# expected:
# category  books  games  toys
# month
# 2023-12    15.0   40.0   0.0
# 2024-01     7.0    0.0  20.0
# Index(['2023-12', '2024-01'], dtype='str', name='month')
# Index(['books', 'games', 'toys'], dtype='str', name='category')
