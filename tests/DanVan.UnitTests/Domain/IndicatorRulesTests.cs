using DanVan.Domain;

namespace DanVan.UnitTests.Domain;

public class IndicatorRulesTests
{
    [Theory]
    [InlineData("2024", "2024-01-01", "2024-12-31", "năm 2024")]
    [InlineData("2024-H1", "2024-01-01", "2024-06-30", "6 tháng đầu năm 2024")]
    [InlineData("2024-h2", "2024-07-01", "2024-12-31", "6 tháng cuối năm 2024")]
    [InlineData("2024-Q3", "2024-07-01", "2024-09-30", "quý III/2024")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "tháng 02/2024")]
    public void Periods_AreReadAsPeopleWriteThem(string code, string start, string end, string label)
    {
        var p = ReportPeriod.Parse(code);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), p.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), p.End);
        Assert.Equal(label, p.Label);
    }

    [Theory]
    [InlineData("2026-12-07", "2026-Q3")]
    [InlineData("2026-10-01", "2026-Q3")]
    [InlineData("2026-09-30", "2026-Q2")]
    [InlineData("2027-01-15", "2026-Q4")]
    [InlineData("2026-03-31", "2025-Q4")]
    public void TheQuarterUnitsReportForNow_IsTheLastOneEnded(string today, string code) =>
        Assert.Equal(code, ReportPeriod.LastQuarterEnded(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).Code);

    [Theory]
    [InlineData("2024-H3")]
    [InlineData("2024-Q5")]
    [InlineData("2024-13")]
    [InlineData("24")]
    [InlineData("2008")]
    [InlineData("")]
    [InlineData("2024-01-01")]
    public void NonsensePeriods_AreRefusedInVietnamese(string code)
    {
        var e = Assert.Throws<DomainException>(() => ReportPeriod.Parse(code));
        Assert.Contains("Kỳ báo cáo", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2,5", "tỷ đồng", "đồng", "2500000000")]
    [InlineData("67416790288", "đồng", "đồng", "67416790288")]
    [InlineData("500", "triệu đồng", "đồng", "500000000")]
    [InlineData("750", "nghìn đồng", "đồng", "750000")]
    [InlineData("1,5", "ha", "m²", "15000")]
    [InlineData("3", "sào", "m²", "1080")]
    [InlineData("3", "sào trung bộ", "m²", "1500")]
    [InlineData("540", "m", "km", "0.54")]
    [InlineData("2", "tấn", "kg", "2000")]
    [InlineData("12", "", "cuộc", "12")]
    public void Values_ConvertExactly_IntoTheIndicatorsUnit(string value, string unit, string canonical, string expected)
    {
        var v = Quantities.ParseVietnamese(value)!.Value;
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Quantities.ToCanonical(v, unit, canonical));
    }

    [Fact]
    public void Money_StaysExactToTheDong_AfterManyAdditions()
    {
        var total = Enumerable.Range(0, 100_000).Aggregate(0m, (sum, _) => sum + Quantities.ToCanonical(0.1m, "triệu đồng", "đồng"));
        Assert.Equal(10_000_000_000m, total);
    }

    [Fact]
    public void AUnitThatDoesNotConvert_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Quantities.ToCanonical(1, "ha", "đồng"));
        Assert.Contains("không đổi được", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("67.416.790.288", "67416790288")]
    [InlineData("2.350", "2350")]
    [InlineData("1,5", "1.5")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("-3", "-3")]
    public void Numbers_AreReadTheVietnameseWay(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Quantities.ParseVietnamese(text));

    [Theory]
    [InlineData("1.5")]
    [InlineData("1,2,3")]
    [InlineData("12.34")]
    [InlineData("abc")]
    [InlineData("")]
    public void NotNumbers_AreNotGuessed(string text) => Assert.Null(Quantities.ParseVietnamese(text));

    private static readonly Dictionary<string, Indicator> Catalogue = new()
    {
        ["funds_mobilized"] = Indicator.Define("funds_mobilized", "Kinh phí huy động", "đồng", Aggregation.Sum, "/", 0, "state,people,other"),
        ["dossiers_total"] = Indicator.Define("dossiers_total", "Hồ sơ tiếp nhận", "hồ sơ", Aggregation.Sum, "/", 1),
        ["dossiers_on_time"] = Indicator.Define("dossiers_on_time", "Hồ sơ giải quyết đúng hạn", "hồ sơ", Aggregation.Sum, "/", 2),
    };

    [Fact]
    public void PartsNeverExceedTheirWhole_AndCategoriesAddUpToTheTotal()
    {
        Assert.Empty(IndicatorRules.Check(new Dictionary<(string, string?), decimal>
        {
            [("dossiers_total", null)] = 10, [("dossiers_on_time", null)] = 10,
            [("funds_mobilized", null)] = 30, [("funds_mobilized", "state")] = 10, [("funds_mobilized", "people")] = 20,
        }, Catalogue));
        var errors = IndicatorRules.Check(new Dictionary<(string, string?), decimal>
        {
            [("dossiers_total", null)] = 10, [("dossiers_on_time", null)] = 11,
            [("funds_mobilized", null)] = 31, [("funds_mobilized", "state")] = 10, [("funds_mobilized", "people")] = 20,
        }, Catalogue);
        Assert.Contains(errors, e => e.Code == "dossiers_on_time");
        Assert.Contains(errors, e => e.Code == "funds_mobilized" && e.Message.Contains("cộng lại", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1001, 100, true)]
    [InlineData(1000, 100, false)]
    [InlineData(5000, null, false)]
    [InlineData(5000, 0, false)]
    public void TenfoldJumps_AreFlagged(int value, int? previous, bool flagged) => Assert.Equal(flagged, IndicatorRules.IsOutlier(value, previous));

    [Theory]
    [InlineData("đồng", 1_000_000_000_000_000, true)]
    [InlineData("đồng", 1_000_000_000_000_001, false)]
    [InlineData("km", 10_000_000, true)]
    [InlineData("km", 10_000_001, false)]
    [InlineData("căn", -1, false)]
    public void EveryFigure_HasOneRange_ByItsIndicatorsUnit(string unit, decimal value, bool accepted)
    {
        var indicator = Indicator.Define("x", "Chỉ tiêu", unit, Aggregation.Sum, "/", 0);
        var refused = Record.Exception(() => indicator.CheckValue(value, "Value"));
        Assert.Equal(accepted, refused is null);
        if (refused is DomainException d)
        {
            Assert.Equal("Value", d.Field);
        }

        Assert.Equal(accepted, IndicatorRules.Check(new Dictionary<(string, string?), decimal> { [("x", null)] = value },
            new Dictionary<string, Indicator> { ["x"] = indicator }).Count == 0);
    }

    [Fact]
    public void AConversionBeyondDecimal_IsAFieldError_NotAnOverflow()
    {
        var e = Assert.Throws<DomainException>(() => Quantities.ToCanonical(decimal.MaxValue, "nghìn đồng", "đồng"));
        Assert.Equal("Value", e.Field);
    }

    [Fact]
    public void TheLargestFigures_AddUpWithoutOverflow_InTwoHalves()
    {
        // 10,000 figures of 10^15 đồng: 10^19, past a 64-bit integer, yet each half's sum stays inside it.
        const long whole = 1_000_000_000_000_000;
        long billions = 0, low = 0;
        for (var k = 0; k < 10_000; k++)
        {
            billions += whole / IndicatorTotal.Billion;
            low += whole % IndicatorTotal.Billion;
        }

        Assert.Equal(10_000_000_000_000_000_000m, IndicatorTotal.Add(billions, low, 0));
    }

    [Theory]
    [InlineData("２０２４")]
    [InlineData("٢٠٢٤")]
    [InlineData("२०२४-Q1")]
    [InlineData("2024-Q١")]
    public void APeriod_IsWrittenInAsciiDigits(string text) => Assert.False(ReportPeriod.TryParse(text, out _));

    [Fact]
    public void NoPatternOfTheProduct_TakesDigitsOfOtherScripts()
    {
        // \d matches any Unicode digit ("２", "٢"), which int.Parse then refuses with an exception: patterns say [0-9].
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DanVan.slnx")))
        {
            dir = dir.Parent;
        }

        var root = Path.Combine(dir!.FullName, "src");
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("Migrations", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(@"\d", StringComparison.Ordinal)).ToList();
        Assert.Empty(offenders);
    }
}
