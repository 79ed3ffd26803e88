using DanVan.Domain;

namespace DanVan.UnitTests.Domain;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Dân vận khéo", "dan van kheo")]
    [InlineData("ĐƯỜNG giao thông", "duong giao thong")]
    [InlineData("Hoà", "hoa")]
    [InlineData("Hòa", "hoa")]
    [InlineData("  Nuôi   ong\tlấy mật ", "nuoi ong lay mat")]
    [InlineData("a\u200bb", "a b")]
    public void Fold_RemovesMarksAndFoldsDStroke(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_TreatsBothToneMarkPlacementsAlike() =>
        Assert.Equal(VietnameseText.Fold("Thái Hoà"), VietnameseText.Fold("Thái Hòa"));

    [Fact]
    public void Fold_OfPrecomposedAndDecomposedText_IsEqual() =>
        Assert.Equal(VietnameseText.Fold("Nghệ An"), VietnameseText.Fold("Nghệ An".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void SortKey_PutsDStrokeAfterD_NotAfterZ()
    {
        var names = new[] { "Đông Hiếu", "Yên Bái", "Dương Kinh", "Điện Biên", "Ea Kar", "Ân Thi", "An Giang", "Ba Đình" };
        var sorted = names.OrderBy(VietnameseText.SortKey, StringComparer.Ordinal).ToArray();
        Assert.Equal(["An Giang", "Ân Thi", "Ba Đình", "Dương Kinh", "Điện Biên", "Đông Hiếu", "Ea Kar", "Yên Bái"], sorted);
    }

    [Fact]
    public void SortKey_OrdersLetterVariantsBeforeTones()
    {
        // a < ă < â as letters; tone marks only break ties.
        var sorted = new[] { "âm", "ăn", "an", "àn", "án" }.OrderBy(VietnameseText.SortKey, StringComparer.Ordinal).ToArray();
        Assert.Equal(["an", "àn", "án", "ăn", "âm"], sorted);
    }

    [Fact]
    public void SortKey_OrdersNumberedWardsNaturally()
    {
        var sorted = new[] { "Phường 14", "Phường 2", "Phường 1" }.OrderBy(VietnameseText.SortKey, StringComparer.Ordinal).ToArray();
        Assert.Equal(["Phường 1", "Phường 2", "Phường 14"], sorted);
    }

    [Fact]
    public void SortKey_PutsAPrefixBeforeLongerNames() =>
        Assert.True(string.CompareOrdinal(VietnameseText.SortKey("An"), VietnameseText.SortKey("An Bình")) < 0);

    [Fact]
    public void Comparer_MatchesSortKeyOrder() =>
        Assert.True(VietnameseText.Comparer.Compare("Đà Nẵng", "Dak Lak") > 0);

    [Theory]
    [InlineData("Nuôi ong lấy mật", "nuoi-ong-lay-mat")]
    [InlineData("Đường giao thông – nông thôn!", "duong-giao-thong-nong-thon")]
    public void Slug_IsAsciiWithHyphens(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Slug(input));
}
