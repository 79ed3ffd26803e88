using DanVan.Domain;
using DanVan.Features.Public;

namespace DanVan.UnitTests.Domain;

public class PublicRuleTests
{
    [Theory]
    [InlineData("Dân vận khéo", new[] { "dan", "van", "kheo" })]
    [InlineData("ĐƯỜNG  hoà-bình!!", new[] { "duong", "hoa", "binh" })]
    [InlineData("\"*) OR 1=1 --", new[] { "or", "1" })]
    [InlineData("   ", new string[0])]
    public void Terms_AreFoldedWordsWithoutPunctuation(string query, string[] expected) =>
        Assert.Equal(expected, InitiativeSearch.Terms(query));

    [Fact]
    public void Terms_AreAtMostEight_AndQueriesQuoteEveryTerm()
    {
        var terms = InitiativeSearch.Terms("a b c d e f g h i j");
        Assert.Equal(8, terms.Count);
        Assert.Equal("\"dan\"* \"van\"*", DanVan.Data.Dialects.SqliteDialect.Fts5Query(["dan", "van"]));
        Assert.Equal("\"dan\"* OR \"van\"*", DanVan.Data.Dialects.SqliteDialect.Fts5Query(["dan", "van"], any: true));
        Assert.Equal("dan:* & van:*", DanVan.Data.Dialects.PostgresDialect.TsQuery(["dan", "van"]));
    }

    [Fact]
    public void Highlight_MarksWordsStartingWithATerm_WhateverTheirTones_AndEncodesTheRest()
    {
        Assert.Equal("<mark>Đường</mark> <mark>hoa</mark> <mark>Hoà</mark> Bình &lt;b&gt;", InitiativeSearch.Highlight("Đường hoa Hoà Bình <b>", ["duong", "hoa"]));
        Assert.Equal("<mark>Hòa</mark> và <mark>Hoà</mark>", InitiativeSearch.Highlight("Hòa và Hoà", ["hoa"]));
        Assert.Equal("Nuôi ong", InitiativeSearch.Highlight("Nuôi ong", []));
        Assert.Equal("d", InitiativeSearch.Highlight("d", ["đ"]));
    }

    private static Initiative Model(InitiativeKind kind = InitiativeKind.Individual)
    {
        var i = new Initiative
        {
            Id = 1, Name = "Gương sáng", Field = Field.Economy, Kind = kind, OwnerName = "Ông Lò Văn B", RegisteredOn = new DateOnly(2024, 1, 1),
            ScopePath = "/40/16939/",
        };
        i.MarkReporting();
        return i;
    }

    [Fact]
    public void OnlyRecognisedActiveUnhiddenModelsArePublic_AndNamesNeedConsent()
    {
        var i = Model();
        Assert.False(i.IsPublic);
        i.Recognize(new RecognitionDecision { Number = "1", Level = RecognitionLevel.Commune, Date = new DateOnly(2024, 6, 1), IssuingBody = "BCĐ" });
        Assert.True(i.IsPublic);
        Assert.Null(i.PublicOwner);
        i.OwnerConsentOn = new DateOnly(2024, 7, 1);
        Assert.Equal("Ông Lò Văn B", i.PublicOwner);
        i.HiddenFromPublic = true;
        Assert.False(i.IsPublic);
        Assert.Equal("Hội Nông dân", new Initiative { Kind = InitiativeKind.Collective, OwnerName = "Hội Nông dân" }.PublicOwner);
    }

    [Fact]
    public void SearchText_LeavesOutAPersonsNameWithoutConsent()
    {
        var i = Model();
        i.Validate();
        Assert.DoesNotContain("lo van b", i.SearchText, StringComparison.Ordinal);
        i.OwnerConsentOn = new DateOnly(2024, 7, 1);
        i.Validate();
        Assert.Contains("lo van b", i.SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public void Comment_IsDecidedOnce_AndARejectionNeedsAReason()
    {
        var c = new CitizenComment { Text = "Rất hay, nên nhân rộng", Status = CommentStatus.Pending };
        c.Validate();
        var e = Assert.Throws<DomainException>(() => c.Moderate(false, " ", "canbo", DateTimeOffset.UtcNow));
        Assert.Equal(nameof(CitizenComment.Reason), e.Field);
        c.Moderate(true, null, "canbo", DateTimeOffset.UtcNow);
        Assert.Equal(CommentStatus.Published, c.Status);
        Assert.Throws<DomainException>(() => c.Moderate(false, "trùng", "canbo", DateTimeOffset.UtcNow));
        Assert.Throws<DomainException>(() => new CitizenComment { Text = "ok" }.Validate());
        Assert.Throws<DomainException>(() => new CitizenComment { Text = new string('a', 2001) }.Validate());
    }

    [Fact]
    public void DeviceKey_DiffersByDayAndSurvey_AndHidesTheCookie()
    {
        var day = new DateOnly(2026, 11, 22);
        var k = SurveyAnswer.DeviceKey("cookie-1", 7, day);
        Assert.Equal(k, SurveyAnswer.DeviceKey("cookie-1", 7, day));
        Assert.NotEqual(k, SurveyAnswer.DeviceKey("cookie-1", 7, day.AddDays(1)));
        Assert.NotEqual(k, SurveyAnswer.DeviceKey("cookie-1", 8, day));
        Assert.DoesNotContain("cookie", k, StringComparison.Ordinal);
        Assert.Equal(32, k.Length);
        Assert.NotEqual(Survey.NewKey(), Survey.NewKey());
    }
}
