using DanVan.Data;
using DanVan.Domain;

namespace DanVan.UnitTests.Domain;

/// <summary>The rollup's rows, read with the summary's own test, count each figure once in any period.</summary>
public class IndicatorRollupTests
{
    private const int Roads = 1;
    private const int Members = 2;
    private static readonly HashSet<int> Last = [Members];

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static IndicatorRollup.Figure F(long source, int indicator, decimal value, string start, string end, string? category = null) =>
        new(source, "/old", indicator, category, value, D(start), D(end));

    // The summary's WHERE clause, as IndicatorFigures sends it to the database.
    private static decimal Count(List<IndicatorTotal> rows, int indicator, string from, string to, string? category = null) =>
        rows.Where(t => t.IndicatorId == indicator && t.PeriodStart >= D(from) && t.PeriodEnd <= D(to) && !(t.CoverStart >= D(from) && t.CoverEnd <= D(to)) && t.NextEnd > D(to))
            .Where(t => category is null ? t.InTotal : t.Category == category).Sum(t => t.Value);

    [Fact]
    public void AYearAndItsQuarters_CountOnce_WhicheverTheRange()
    {
        var rows = IndicatorRollup.Roll(
        [
            F(1, Roads, 10m, "2024-01-01", "2024-12-31"),
            F(1, Roads, 3m, "2024-01-01", "2024-03-31"),
            F(1, Roads, 4m, "2024-04-01", "2024-06-30"),
            F(1, Roads, 0.5m, "2024-04-01", "2024-04-30"),
            F(2, Roads, 7m, "2024-04-01", "2024-06-30"), // another model: its own periods
        ], Last);

        Assert.Equal(17m, Count(rows, Roads, "2024-01-01", "2024-12-31"));
        Assert.Equal(14m, Count(rows, Roads, "2024-01-01", "2024-06-30")); // the quarters, not the April inside Q2
        Assert.Equal(0.5m, Count(rows, Roads, "2024-04-01", "2024-05-31")); // only what lies inside: model 1's April, no Q2
        Assert.Equal(0m, Count(rows, Roads, "2025-01-01", "2025-12-31"));
    }

    [Fact]
    public void AStock_TakesEachSourcesLatestPeriodInside_TheLongerOfTwoEndingTogether()
    {
        var rows = IndicatorRollup.Roll(
        [
            F(1, Members, 30m, "2024-01-01", "2024-03-31"),
            F(1, Members, 45m, "2024-07-01", "2024-09-30"),
            F(1, Members, 50m, "2024-10-01", "2024-12-31"),
            F(1, Members, 52m, "2024-01-01", "2024-12-31"),
            F(2, Members, 100m, "2023-01-01", "2023-12-31"),
        ], Last);

        Assert.Equal(152m, Count(rows, Members, "2023-01-01", "2024-12-31")); // model 1's year (52), model 2's 2023 (100)
        Assert.Equal(45m, Count(rows, Members, "2024-01-01", "2024-09-30"));
        Assert.Equal(30m, Count(rows, Members, "2024-01-01", "2024-06-30"));
        Assert.Equal(50m, Count(rows, Members, "2024-04-01", "2024-12-31"));
    }

    [Fact]
    public void CategoriesWithoutATotal_MakeTheTotal_AndATotalGivenIsTheTotal()
    {
        var rows = IndicatorRollup.Roll(
        [
            F(1, Roads, 1_000_000_000m, "2024-01-01", "2024-06-30", "state"),
            F(1, Roads, 500_000_000m, "2024-01-01", "2024-06-30", "people"),
            F(2, Roads, 900m, "2024-01-01", "2024-12-31"),
            F(2, Roads, 400m, "2024-01-01", "2024-12-31", "people"),
        ], Last);

        Assert.Equal(1_500_000_900m, Count(rows, Roads, "2024-01-01", "2024-12-31"));
        Assert.Equal(500_000_400m, Count(rows, Roads, "2024-01-01", "2024-12-31", "people"));
    }

    [Fact]
    public void Fractions_AreKeptExactly_AndSourcesOfOnePathShareRows()
    {
        var figures = Enumerable.Range(0, 300).Select(k => F(k, Roads, 0.1234m, "2024-01-01", "2024-12-31")).ToList();
        var rows = IndicatorRollup.Roll(figures, Last);
        Assert.Single(rows);
        Assert.Equal(37.02m, rows[0].Value);
        Assert.Equal(37, rows[0].Whole);
        Assert.Equal(20_000, rows[0].Millionths);
    }
}
