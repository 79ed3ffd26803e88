using DanVan.Domain;
using DanVan.Infrastructure;

namespace DanVan.UnitTests.Infrastructure;

public class UserScopeTests
{
    [Fact]
    public void ReadPaths_DropPathsInsideOtherPaths()
    {
        var s = new UserScope("u", "u", [(Role.Viewer, "/33/"), (Role.Officer, "/33/12148/"), (Role.Viewer, "/40/")]);
        Assert.Equal(["/33/", "/40/"], s.ReadPaths.OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void Register_ComesOnlyFromOfficerAndSecretariatGrants()
    {
        var s = new UserScope("u", "u", [(Role.Viewer, "/33/"), (Role.Appraiser, "/40/"), (Role.Officer, "/33/12148/")]);
        Assert.Equal(["/33/12148/"], s.PathsFor(Operation.Register));
        Assert.True(s.CanRead("/33/12151/"));
        Assert.False(s.Can(Operation.Register, "/33/12151/"));
        Assert.True(s.Can(Operation.Register, "/33/12148/"));
        Assert.False(s.CanRead("/01/"));
    }

    [Fact]
    public void Admin_ReachesEverything()
    {
        var s = new UserScope("u", "u", [(Role.Admin, "/")]);
        Assert.Equal(["/"], s.ReadPaths);
        foreach (var operation in Permissions.All)
        {
            Assert.True(s.Can(operation, "/96/32248/"), operation.ToString());
        }

        Assert.True(s.Can(Operation.RecognizeNational, "/"));
    }

    [Fact]
    public void UserAdministration_BelongsToTheSecretariatOfTheArea()
    {
        var s = new UserScope("u", "u", [(Role.Secretariat, "/33/"), (Role.Officer, "/40/16939/")]);
        Assert.True(s.Can(Operation.ManageUsers, "/33/12148/"));
        Assert.False(s.Can(Operation.ManageUsers, "/40/16939/"));
    }

    [Fact]
    public void Anonymous_ReachesNothing()
    {
        Assert.Empty(UserScope.Anonymous.ReadPaths);
        Assert.False(UserScope.Anonymous.CanRead("/01/"));
        Assert.All(Permissions.All, o => Assert.False(UserScope.Anonymous.CanAnywhere(o)));
    }

    /// <summary>The vocabulary: each role may do exactly what the movement gives it, in its own area and nowhere else.</summary>
    [Theory]
    [InlineData(Role.Officer, "Read Register Edit ReportResults Moderate Import CloseFollowUp")]
    [InlineData(Role.Secretariat, "Read Register Edit ReportResults Moderate Import RetireAtReview RecognizeCommune RecognizeDistrict RecognizeProvince RecognizeNational RunRound ManageCriteria ManageCommittee RunAppraisal Score RunConference ManageUsers HandlePersonalData ApproveMeasures Inspect CloseFollowUp ManageDocuments ManageAwardForms ManageIndicators")]
    [InlineData(Role.Appraiser, "Read Score")]
    [InlineData(Role.Viewer, "Read")]
    public void EachRole_MayDoItsOperations_InItsAreaOnly(Role role, string allowed)
    {
        var mine = allowed.Split(' ').Select(Enum.Parse<Operation>).ToHashSet();
        var s = new UserScope("u", "u", [(role, "/33/")]);
        foreach (var operation in Permissions.All)
        {
            // National recognition is issued for the whole country ("/"): a province's grant never reaches it.
            var own = operation == Operation.RecognizeNational ? "/" : "/33/12148/";
            Assert.Equal(mine.Contains(operation) && operation != Operation.RecognizeNational, s.Can(operation, own));
            Assert.False(s.Can(operation, "/40/16939/"), $"{role} {operation} in another province");
        }
    }

    [Fact]
    public void Demand_AnswersNotFoundOutsideTheReadScope_AndForbiddenInside()
    {
        var s = new UserScope("u", "u", [(Role.Officer, "/33/12148/"), (Role.Viewer, "/33/")]);
        s.Demand(Operation.Register, "/33/12148/");
        Assert.True(Assert.Throws<ScopeException>(() => s.Demand(Operation.Register, "/33/12151/")).Visible);
        Assert.False(Assert.Throws<ScopeException>(() => s.Demand(Operation.Register, "/40/16939/")).Visible);
        Assert.True(Assert.Throws<ScopeException>(() => s.Demand(Operation.RecognizeProvince, "/33/")).Visible);
    }

    [Fact]
    public void NationalRecognition_NeedsACountryWideGrant()
    {
        Assert.True(new UserScope("u", "u", [(Role.Secretariat, "/")]).Can(Operation.RecognizeNational, "/"));
        Assert.False(new UserScope("u", "u", [(Role.Secretariat, "/33/")]).Can(Operation.RecognizeNational, "/"));
        Assert.Equal("/", Permissions.DecisionPath(RecognitionLevel.National, "/33/12148/"));
        Assert.Equal("/33/", Permissions.DecisionPath(RecognitionLevel.Province, "/33/12148/"));
        Assert.Equal("/33/12148/", Permissions.DecisionPath(RecognitionLevel.Commune, "/33/12148/"));
    }
}
