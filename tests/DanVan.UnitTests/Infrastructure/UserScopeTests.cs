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
    public void WritePaths_ComeOnlyFromOfficerAndSecretariatGrants()
    {
        var s = new UserScope("u", "u", [(Role.Viewer, "/33/"), (Role.Appraiser, "/40/"), (Role.Officer, "/33/12148/")]);
        Assert.Equal(["/33/12148/"], s.WritePaths);
        Assert.True(s.CanRead("/33/12151/"));
        Assert.False(s.CanWrite("/33/12151/"));
        Assert.True(s.CanWrite("/33/12148/"));
        Assert.False(s.CanRead("/01/"));
    }

    [Fact]
    public void Admin_ReachesEverything()
    {
        var s = new UserScope("u", "u", [(Role.Admin, "/")]);
        Assert.Equal(["/"], s.ReadPaths);
        Assert.True(s.CanWrite("/96/32248/"));
        Assert.True(s.CanAdministerUsersAt("/01/"));
    }

    [Fact]
    public void UserAdministration_BelongsToTheSecretariatOfTheArea()
    {
        var s = new UserScope("u", "u", [(Role.Secretariat, "/33/"), (Role.Officer, "/40/16939/")]);
        Assert.True(s.CanAdministerUsersAt("/33/12148/"));
        Assert.False(s.CanAdministerUsersAt("/40/16939/"));
    }

    [Fact]
    public void Anonymous_ReachesNothing()
    {
        Assert.Empty(UserScope.Anonymous.ReadPaths);
        Assert.False(UserScope.Anonymous.CanRead("/01/"));
    }
}
