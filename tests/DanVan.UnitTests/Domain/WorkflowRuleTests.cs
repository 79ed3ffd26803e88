using DanVan.Domain;

namespace DanVan.UnitTests.Domain;

public class WorkflowRuleTests
{
    private static Initiative Model(InitiativeStatus status = InitiativeStatus.Active)
    {
        var i = new Initiative
        {
            Id = 1, Name = "Nuôi ong lấy mật", Field = Field.Economy, Kind = InitiativeKind.Collective, OwnerName = "Hội Nông dân",
            RegisteredOn = new DateOnly(2020, 3, 2), ScopePath = "/40/16939/", CurrentUnitId = 5,
        };
        switch (status)
        {
            case InitiativeStatus.Active:
                i.MarkReporting();
                break;
            case InitiativeStatus.Retired:
                i.Retire(new DateOnly(2021, 1, 1), "Hình thức");
                break;
            default:
                break;
        }

        return i;
    }

    private static RecognitionDecision Decision(RecognitionLevel level, int y, int m, int d) =>
        new() { Number = "1-QĐ", Level = level, Date = new DateOnly(y, m, d), IssuingBody = "BCĐ" };

    [Fact]
    public void Recognize_ClimbsLevelsAndKeepsHistory()
    {
        var i = Model(InitiativeStatus.Registered);
        i.Recognize(Decision(RecognitionLevel.Commune, 2021, 5, 1));
        i.Recognize(Decision(RecognitionLevel.District, 2022, 5, 1));
        i.Recognize(Decision(RecognitionLevel.Province, 2025, 12, 1));
        Assert.Equal(RecognitionLevel.Province, i.HighestLevel);
        Assert.Equal(new DateOnly(2021, 5, 1), i.FirstRecognizedOn);
        Assert.Equal(3, i.Recognitions.Count);
        Assert.Equal(InitiativeStatus.Active, i.Status);
    }

    [Fact]
    public void LevelOn_IsTheHighestLevelRecognisedByThatDate()
    {
        var i = Model();
        Assert.Null(i.LevelOn(new DateOnly(2030, 1, 1)));
        i.Recognize(Decision(RecognitionLevel.Commune, 2021, 5, 1));
        i.Recognize(Decision(RecognitionLevel.Province, 2023, 6, 1));
        Assert.Null(i.LevelOn(new DateOnly(2021, 4, 30)));
        Assert.Equal(RecognitionLevel.Commune, i.LevelOn(new DateOnly(2021, 5, 1)));
        Assert.Equal(RecognitionLevel.Commune, i.LevelOn(new DateOnly(2023, 5, 31)));
        Assert.Equal(RecognitionLevel.Province, i.LevelOn(new DateOnly(2023, 6, 1)));
        Assert.Equal(new DateOnly(2023, 6, 1), i.ProvinceRecognizedOn);
        Assert.Null(i.DistrictRecognizedOn);
    }

    [Fact]
    public void FirstRecognizedOn_IsTheEarliestDecision_EvenWhenAHigherOneIsDatedEarlier()
    {
        var i = Model();
        i.Recognize(Decision(RecognitionLevel.Commune, 2022, 5, 1));
        i.Recognize(Decision(RecognitionLevel.Province, 2021, 12, 1));
        Assert.Equal(new DateOnly(2021, 12, 1), i.FirstRecognizedOn);
        Assert.Equal(RecognitionLevel.Province, i.LevelOn(new DateOnly(2022, 1, 1)));
    }

    [Fact]
    public void Recognize_AtTheSameOrALowerLevel_IsRefused()
    {
        var i = Model();
        i.Recognize(Decision(RecognitionLevel.Province, 2024, 5, 1));
        var e = Assert.Throws<DomainException>(() => i.Recognize(Decision(RecognitionLevel.Commune, 2025, 1, 1)));
        Assert.Contains("cấp cao hơn", e.Message, StringComparison.Ordinal);
        Assert.Single(i.Recognitions);
    }

    [Fact]
    public void Recognize_AtDistrictLevelAfterTheReform_IsRefused() =>
        Assert.Throws<DomainException>(() => Model().Recognize(Decision(RecognitionLevel.District, 2025, 7, 1)));

    [Fact]
    public void Recognize_ARetiredOrNotYetRegisteredModel_IsRefused()
    {
        Assert.Throws<DomainException>(() => Model(InitiativeStatus.Retired).Recognize(Decision(RecognitionLevel.Commune, 2024, 1, 1)));
        Assert.Throws<DomainException>(() => Model().Recognize(Decision(RecognitionLevel.Commune, 2019, 1, 1)));
    }

    [Fact]
    public void Retire_NeedsAReason_AndCanBeUndoneWithOne()
    {
        var i = Model();
        Assert.Throws<DomainException>(() => i.Retire(new DateOnly(2025, 12, 15), " "));
        i.Retire(new DateOnly(2025, 12, 15), "Hình thức, không có kết quả");
        Assert.Equal(InitiativeStatus.Retired, i.Status);
        Assert.Throws<DomainException>(() => i.Retire(new DateOnly(2025, 12, 16), "lần hai"));
        Assert.Throws<DomainException>(() => i.Reinstate(null));
        i.Reinstate("Đã có báo cáo bổ sung");
        Assert.Equal(InitiativeStatus.Active, i.Status);
        Assert.Null(i.RetiredOn);
    }

    [Fact]
    public void Replicate_OnlyARecognisedModel_ToAnotherUnit()
    {
        var source = Model();
        var here = new AdminUnit { Id = 5, Map = 2025, Code = "16939", Name = "Thái Hòa", FullName = "Phường Thái Hòa", Type = "phường", Level = 2, Path = "/40/16939/", CurrentPath = "/40/16939/", SortKey = "", SearchText = "" };
        var there = new AdminUnit { Id = 9, Map = 2025, Code = "23089", Name = "Hàm Thuận Bắc", FullName = "Xã Hàm Thuận Bắc", Type = "xã", Level = 2, Path = "/68/23089/", CurrentPath = "/68/23089/", SortKey = "", SearchText = "" };
        var now = DateTimeOffset.UtcNow;
        Assert.Throws<DomainException>(() => source.Replicate("", there, there, null, "Hội Nông dân", InitiativeKind.Collective, new DateOnly(2024, 1, 1), now, "x"));
        source.Recognize(Decision(RecognitionLevel.Commune, 2021, 1, 1));
        Assert.Throws<DomainException>(() => source.Replicate("", here, here, null, "Hội khác", InitiativeKind.Collective, new DateOnly(2024, 1, 1), now, "x"));
        var copy = source.Replicate("", there, there, null, "Hội Nông dân", InitiativeKind.Collective, new DateOnly(2024, 1, 1), now, "x");
        Assert.Equal(Origin.Replicated, copy.Origin);
        Assert.Equal(source.Id, copy.ReplicatedFromId);
        Assert.Equal("/68/23089/", copy.ScopePath);
        Assert.Equal(source.Name, copy.Name);
    }

    [Fact]
    public void Campaign_AfterItsCloseDate_RefusesAndSaysWhomToAsk()
    {
        var c = new Campaign { Name = "Đăng ký mô hình 2026", OpensOn = new DateOnly(2026, 1, 1), ClosesOn = new DateOnly(2026, 3, 31), ScopePath = "/33/", Contact = "đồng chí Lê Thị Mai, Ban Dân vận Tỉnh ủy, 0221 3 862 111" };
        c.EnsureCanRegister(new DateOnly(2026, 3, 31), "/33/12280/");
        var e = Assert.Throws<DomainException>(() => c.EnsureCanRegister(new DateOnly(2026, 4, 1), "/33/12280/"));
        Assert.Contains("31/03/2026", e.Message, StringComparison.Ordinal);
        Assert.Contains("Lê Thị Mai", e.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => c.EnsureCanRegister(new DateOnly(2025, 12, 31), "/33/12280/"));
        Assert.Throws<DomainException>(() => c.EnsureCanRegister(new DateOnly(2026, 2, 1), "/40/16939/"));
    }

    [Fact]
    public void CriteriaSet_InUse_IsFrozen_AndEditsBecomeANewVersion()
    {
        var set = new CriteriaSet { Id = 4, Name = "Tiêu chí 2026", PassThreshold = 70, Criteria = [new Criterion { Order = 1, Name = "Hiệu quả", Weight = 1, MaxScore = 10 }] };
        set.Validate();
        set.Frozen = true;
        Assert.Throws<DomainException>(set.EnsureEditable);
        var next = set.NewVersion();
        Assert.Equal(2, next.VersionNumber);
        Assert.Equal(4, next.FamilyId);
        Assert.False(next.Frozen);
        Assert.Single(next.Criteria);
        Assert.NotSame(set.Criteria[0], next.Criteria[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void CriteriaSet_ThresholdOutsideTheScale_IsRefused(decimal threshold)
    {
        var set = new CriteriaSet { Name = "x", PassThreshold = threshold, Criteria = [new Criterion { Name = "a", Weight = 1, MaxScore = 10 }] };
        Assert.Throws<DomainException>(set.Validate);
    }

    [Theory]
    [InlineData(PeriodKind.Month, 2026, 5, 17, 2026, 5, 1)]
    [InlineData(PeriodKind.Quarter, 2026, 5, 17, 2026, 4, 1)]
    [InlineData(PeriodKind.Year, 2026, 5, 17, 2026, 1, 1)]
    public void ResultPeriods_StartOnTheFirstDay(PeriodKind kind, int y, int m, int d, int ey, int em, int ed) =>
        Assert.Equal(new DateOnly(ey, em, ed), ResultReport.StartOf(kind, new DateOnly(y, m, d)));

    [Fact]
    public void ResultReport_ForAFuturePeriodOrARetiredModel_IsRefused()
    {
        var report = ResultReport.Open(1, PeriodKind.Quarter, new DateOnly(2026, 10, 1));
        report.Record(PeriodKind.Quarter, new DateOnly(2026, 10, 1), [], "x", DateTimeOffset.UnixEpoch, null);
        Assert.Throws<DomainException>(() => report.Validate(Model(), new DateOnly(2026, 9, 30)));
        report.Validate(Model(), new DateOnly(2026, 10, 2));
        Assert.Throws<DomainException>(() => report.Validate(Model(InitiativeStatus.Retired), new DateOnly(2026, 10, 2)));
    }

    [Fact]
    public void Similarity_SeesACopiedNarrative()
    {
        var a = Similarity.Shingles("Hội Nông dân vận động hội viên nuôi ong lấy mật, liên kết tiêu thụ sản phẩm, thu nhập ổn định cho các hộ.");
        var b = Similarity.Shingles("Hội Nông dân vận động hội viên nuôi ong lấy mật, liên kết tiêu thụ sản phẩm, thu nhập ổn định cho các hộ!");
        var c = Similarity.Shingles("Công an xã phối hợp đoàn thể giúp người chấp hành xong án phạt tù tìm việc làm.");
        Assert.True(Similarity.Jaccard(a, b) >= Similarity.CopiedThreshold);
        Assert.True(Similarity.Jaccard(a, c) < 0.1);
    }
}
