using DanVan.Domain;
using static DanVan.Domain.AppraisalMath;

namespace DanVan.UnitTests.Domain;

/// <summary>Figures computed by hand: criteria weights 2 and 1, both out of 10; three members, two models.</summary>
public class AppraisalMathTests
{
    private static readonly CriterionSpec[] Criteria = [new(1, 2m, 10m), new(2, 1m, 10m)];

    private static IEnumerable<Score> Scores(string member, int item, decimal c1, decimal c2) => [new(member, item, 1, c1), new(member, item, 2, c2)];

    private static readonly Score[] Council =
    [
        .. Scores("m1", 1, 8, 6), .. Scores("m1", 2, 5, 5),
        .. Scores("m2", 1, 9, 9), .. Scores("m2", 2, 7, 4),
        .. Scores("m3", 1, 6, 3), .. Scores("m3", 2, 3, 3),
    ];

    [Theory]
    [InlineData(8, 6, 73.33)] // (2×8/10 + 1×6/10) / 3 × 100
    [InlineData(9, 9, 90.00)]
    [InlineData(10, 10, 100.00)]
    [InlineData(0, 0, 0.00)]
    public void Total_IsWeightedOnAHundredPointScale(decimal c1, decimal c2, decimal expected) =>
        Assert.Equal(expected, Total(Criteria, new Dictionary<int, decimal> { [1] = c1, [2] = c2 }));

    [Fact]
    public void Total_IsNullUntilEveryCriterionIsScored() =>
        Assert.Null(Total(Criteria, new Dictionary<int, decimal> { [1] = 8 }));

    [Fact]
    public void Results_GiveRawMeanSpreadAndOutcome()
    {
        var r = Results(Criteria, Council, [1, 2], threshold: 70m);
        var item1 = r.Single(x => x.Item == 1);
        Assert.Equal(3, item1.MemberCount);
        Assert.Equal(71.11m, item1.RawMean);            // (73.33 + 90 + 50) / 3
        Assert.Equal(16.41m, item1.Spread);             // population standard deviation
        Assert.True(item1.Passes);
        var item2 = r.Single(x => x.Item == 2);
        Assert.Equal(46.67m, item2.RawMean);            // (50 + 60 + 30) / 3
        Assert.Equal(12.47m, item2.Spread);
        Assert.False(item2.Passes);
    }

    [Fact]
    public void Results_NormaliseEachMemberAgainstThemselves()
    {
        // Every member rated model 1 above model 2, so each member's z-scores are +1 and −1,
        // however lenient (m2) or strict (m3) they were.
        var r = Results(Criteria, Council, [1, 2], 70m);
        Assert.Equal(1.000m, r.Single(x => x.Item == 1).NormalisedZ);
        Assert.Equal(-1.000m, r.Single(x => x.Item == 2).NormalisedZ);
        // Back on the common scale: grand mean 58.89 ± grand standard deviation 19.02.
        Assert.Equal(77.91m, r.Single(x => x.Item == 1).NormalisedScore);
        Assert.Equal(39.87m, r.Single(x => x.Item == 2).NormalisedScore);
    }

    [Fact]
    public void Results_FlagMembersFifteenPointsFromTheMean()
    {
        var item1 = Results(Criteria, Council, [1, 2], 70m).Single(x => x.Item == 1);
        Assert.Equal(["m2", "m3"], item1.Diverging.Order());
    }

    [Fact]
    public void Results_ForAnItemNobodyScored_AreEmpty()
    {
        var r = Results(Criteria, Council, [1, 2, 3], 70m).Single(x => x.Item == 3);
        Assert.Equal(0, r.MemberCount);
        Assert.Null(r.RawMean);
        Assert.Null(r.Passes);
    }

    [Theory]
    [InlineData("/33/12280/", null, "/33/12280/", null, true)]     // works in the model's commune
    [InlineData("/33/", null, "/33/12280/", null, false)]          // province staff: no conflict
    [InlineData("/33/12148/", null, "/33/12280/", null, false)]    // another commune
    [InlineData(null, 7, "/33/12280/", 7, true)]                   // same owning organisation
    [InlineData(null, 7, "/33/12280/", 8, false)]
    public void IsConflicted_SameUnitOrSameOrganisation(string? home, int? org, string scope, int? owner, bool expected) =>
        Assert.Equal(expected, IsConflicted(home, org, scope, owner));
}
