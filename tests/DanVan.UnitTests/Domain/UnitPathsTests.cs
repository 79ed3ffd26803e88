using DanVan.Domain;

namespace DanVan.UnitTests.Domain;

public class UnitPathsTests
{
    [Fact]
    public void UpperBound_IncrementsTheTrailingSlash() => Assert.Equal("/01/0010", UnitPaths.UpperBound("/01/001/"));

    [Theory]
    [InlineData("/01/", "/01/00004/", true)]
    [InlineData("/01/", "/01/", true)]
    [InlineData("/01/", "/010/", false)]
    [InlineData("/01/", "/02/00001/", false)]
    public void Subtree_IsExactlyTheRangeFromPathToUpperBound(string ancestor, string path, bool inside)
    {
        var inRange = string.CompareOrdinal(path, ancestor) >= 0 && string.CompareOrdinal(path, UnitPaths.UpperBound(ancestor)) < 0;
        Assert.Equal(inside, inRange);
        Assert.Equal(inside, UnitPaths.Contains(ancestor, path));
    }

    [Theory]
    [InlineData(2025, 6, 30, 2024)]
    [InlineData(2025, 7, 1, 2025)]
    [InlineData(2013, 1, 1, 2024)]
    public void Maps_InForceOn_SwitchesOnTheFirstOfJuly2025(int y, int m, int d, int map) =>
        Assert.Equal(map, Maps.InForceOn(new DateOnly(y, m, d)));
}
