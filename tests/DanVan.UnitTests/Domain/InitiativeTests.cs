using DanVan.Domain;

namespace DanVan.UnitTests.Domain;

public class InitiativeTests
{
    private static Initiative Valid() => new()
    {
        Name = "  Nuôi ong lấy mật ",
        Field = Field.Economy,
        Kind = InitiativeKind.Collective,
        Origin = Origin.New,
        OwnerName = "Hội Nông dân",
        RegisteredOn = new DateOnly(2024, 3, 1),
        Status = InitiativeStatus.Active,
    };

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
        i.Origin = Origin.Replicated;
        Assert.Equal(nameof(Initiative.ReplicatedFromId), Assert.Throws<DomainException>(i.Validate).Field);
        i.OriginNote = "Mô hình của huyện Kim Động";
        i.Validate();
    }

    [Fact]
    public void Validate_NewWithASource_IsRefused()
    {
        var i = Valid();
        i.ReplicatedFromId = 5;
        Assert.Throws<DomainException>(i.Validate);
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
    public void Validate_RetiredNeedsADateNotBeforeRegistration()
    {
        var i = Valid();
        i.Status = InitiativeStatus.Retired;
        Assert.Throws<DomainException>(i.Validate);
        i.RetiredOn = new DateOnly(2024, 2, 1);
        Assert.Throws<DomainException>(i.Validate);
        i.RetiredOn = new DateOnly(2024, 12, 1);
        i.Validate();
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
