using DanVan.Domain;

namespace DanVan.UnitTests.Domain;

public class OwnerTypesTests
{
    [Theory]
    [InlineData("Hội Nông dân xã Lương Bằng", OwnerType.Farmers)]
    [InlineData("HỘI LIÊN HIỆP PHỤ NỮ XÃ", OwnerType.Women)]
    [InlineData("Đoàn Thanh niên Cộng sản Hồ Chí Minh", OwnerType.Youth)]
    [InlineData("Chi hội Cựu chiến binh thôn Đông", OwnerType.Veterans)]
    [InlineData("Ban Công tác Mặt trận khu dân cư", OwnerType.FatherlandFront)]
    [InlineData("Công an xã Phụng Công", OwnerType.ArmedForces)]
    [InlineData("Hợp tác xã nông nghiệp Tân Hưng", OwnerType.Business)]
    [InlineData("Giáo xứ Phú Yên", OwnerType.Religious)]
    [InlineData("Đảng ủy xã Hồng Châu", OwnerType.PartyState)]
    [InlineData("Nhóm bạn trẻ", OwnerType.Other)]
    [InlineData(null, OwnerType.Other)]
    public void AnOwnersName_SaysItsBlock(string? name, OwnerType expected) =>
        Assert.Equal(expected, OwnerTypes.Guess(InitiativeKind.Collective, name));

    [Fact]
    public void APerson_IsAnIndividual_AndAnOrganisationsKindDecidesWhenTheNameSaysNothing()
    {
        Assert.Equal(OwnerType.Individual, OwnerTypes.Guess(InitiativeKind.Individual, "Hội Nông dân"));
        Assert.Equal(OwnerType.ArmedForces, OwnerTypes.Guess(InitiativeKind.Collective, "Đồn 24", OrganizationKind.Military));
        Assert.Equal(OwnerType.Business, OwnerTypes.Guess(InitiativeKind.Collective, "Tổ sản xuất", OrganizationKind.Cooperative));
    }

    [Fact]
    public void AModel_KeepsWhatWasChosen_ButAnIndividualsModelIsAlwaysAnIndividuals()
    {
        var i = new Initiative { Kind = InitiativeKind.Collective, OwnerName = "Hội Nông dân" };
        i.Classify(OwnerType.Women, null, null);
        Assert.Equal(OwnerType.Women, i.OwnerType);
        i.Classify(null, null, null);
        Assert.Equal(OwnerType.Farmers, i.OwnerType);
        i.Classify(OwnerType.Individual, null, null); // a collective is nobody's own
        Assert.Equal(OwnerType.Farmers, i.OwnerType);
        i.Kind = InitiativeKind.Individual;
        i.Classify(OwnerType.Youth, null, null);
        Assert.Equal(OwnerType.Individual, i.OwnerType);
    }

    [Fact]
    public void AModelOwnedByAnOrganisation_IsOfThatOrganisationsSector_WhenNobodyChose()
    {
        var i = new Initiative { Kind = InitiativeKind.Collective };
        i.Classify(null, "Hội Liên hiệp Phụ nữ xã Lương Bằng", OrganizationKind.MassOrganization);
        Assert.Equal(OwnerType.Women, i.OwnerType);
        i.Classify(null, "Đoàn Thanh niên xã", null);
        Assert.Equal(OwnerType.Youth, i.OwnerType);
    }
}
