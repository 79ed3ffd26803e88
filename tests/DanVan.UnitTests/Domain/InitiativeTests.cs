using DanVan.Domain;

namespace DanVan.UnitTests.Domain;

public class InitiativeTests
{
    private static Initiative Valid()
    {
        var i = new Initiative
        {
            Name = "  Nuôi ong lấy mật ",
            Field = Field.Economy,
            Kind = InitiativeKind.Collective,
            OwnerName = "Hội Nông dân",
            RegisteredOn = new DateOnly(2024, 3, 1),
        };
        i.MarkReporting();
        return i;
    }

    [Fact]
    public void Validate_TrimsNameAndComputesKeys()
    {
        var i = Valid();
        i.Validate();
        Assert.Equal("Nuôi ong lấy mật", i.Name);
        Assert.Contains("nuoi ong lay mat", i.SearchText, StringComparison.Ordinal);
        Assert.Equal(VietnameseText.SortKey("Nuôi ong lấy mật"), i.SortKey);
    }

    [Fact]
    public void Validate_EmptyName_IsRefusedOnTheNameField()
    {
        var i = Valid();
        i.Name = "   ";
        var e = Assert.Throws<DomainException>(i.Validate);
        Assert.Equal(nameof(Initiative.Name), e.Field);
    }

    [Fact]
    public void Validate_ReplicatedWithoutSource_IsRefused()
    {
        var i = Valid();
        i.DeclareOrigin(Origin.Replicated, null, null);
        Assert.Equal(nameof(Initiative.ReplicatedFromId), Assert.Throws<DomainException>(i.Validate).Field);
        i.DeclareOrigin(Origin.Replicated, null, "Mô hình của huyện Kim Động");
        i.Validate();
    }

    [Fact]
    public void Validate_NewWithASource_IsRefused()
    {
        var i = Valid();
        i.DeclareOrigin(Origin.Replicated, null, null, sourceId: 5);
        i.Validate();
        i.DeclareOrigin(Origin.New, null, null, sourceId: 5);
        Assert.Null(i.ReplicatedFromId);
        i.Validate();
    }

    [Fact]
    public void Validate_NoOwner_IsRefused()
    {
        var i = Valid();
        i.OwnerName = null;
        Assert.Equal(nameof(Initiative.OwnerName), Assert.Throws<DomainException>(i.Validate).Field);
    }

    [Fact]
    public void Validate_BeforeTheMovementStarted_IsRefused()
    {
        var i = Valid();
        i.RegisteredOn = new DateOnly(2008, 12, 31);
        Assert.Equal(nameof(Initiative.RegisteredOn), Assert.Throws<DomainException>(i.Validate).Field);
    }

    [Fact]
    public void Retire_NeedsAReasonAndADateNotBeforeRegistration()
    {
        var i = Valid();
        Assert.Equal("Reason", Assert.Throws<DomainException>(() => i.Retire(new DateOnly(2024, 12, 1), " ")).Field);
        Assert.Equal("On", Assert.Throws<DomainException>(() => i.Retire(new DateOnly(2024, 2, 1), "Hình thức")).Field);
        i.Retire(new DateOnly(2024, 12, 1), "Hình thức");
        Assert.Equal(InitiativeStatus.Retired, i.Status);
        i.Validate();
        Assert.Throws<DomainException>(() => i.Retire(new DateOnly(2024, 12, 2), "Lần nữa"));
        i.Reinstate("Làm lại tốt");
        Assert.Equal(InitiativeStatus.Active, i.Status);
        Assert.Null(i.RetiredOn);
    }

    [Fact]
    public void DeclareOrigin_RefusesItselfAsSource()
    {
        var i = Valid();
        i.Id = 9;
        Assert.Equal(nameof(Initiative.ReplicatedFromId), Assert.Throws<DomainException>(() => i.DeclareOrigin(Origin.Replicated, null, null, sourceId: 9)).Field);
    }

    [Fact]
    public void PlaceIn_CopiesPathsAndRefusesAnOldCurrentUnit()
    {
        var old = new AdminUnit { Id = 7, Map = 2024, Code = "12292", Name = "Phạm Ngũ Lão", FullName = "Xã Phạm Ngũ Lão", Type = "xã", Level = 3, Path = "/33/331/12292/", CurrentPath = "/33/12148/", SortKey = "", SearchText = "" };
        var current = new AdminUnit { Id = 9, Map = 2025, Code = "12148", Name = "Phạm Ngũ Lão", FullName = "Xã Phạm Ngũ Lão", Type = "xã", Level = 2, Path = "/33/12148/", CurrentPath = "/33/12148/", SortKey = "", SearchText = "" };
        var i = Valid();
        i.PlaceIn(old, current);
        Assert.Equal("/33/331/12292/", i.UnitPath);
        Assert.Equal("/33/12148/", i.ScopePath);
        Assert.Throws<DomainException>(() => i.PlaceIn(old, old));
    }
}
