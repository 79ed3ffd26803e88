using DanVan.Infrastructure;

namespace DanVan.UnitTests.Infrastructure;

public class ProblemTests
{
    [Fact]
    public void EachKindOfRefusal_HasItsOwnType()
    {
        Assert.NotEqual(Refusals.Of(new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException())!.Type, Refusals.Of(new DanVan.Domain.DomainException("x"))!.Type);
        Assert.Equal("urn:danvan:problem:method-not-allowed", ProblemTypes.ForStatus(405));
    }
}
