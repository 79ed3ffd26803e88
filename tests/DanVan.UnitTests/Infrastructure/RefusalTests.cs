using DanVan.Domain;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.UnitTests.Infrastructure;

/// <summary>The one mapping from a refusal to an answer.</summary>
public class RefusalTests
{
    [Fact]
    public void EachKindOfRefusal_HasOneStatus()
    {
        Assert.Equal((400, "Name"), Pick(DomainException.For("Name", "Tên quá dài.")));
        Assert.Equal((409, null), Pick(new DomainException("Mô hình đã bị loại bỏ.")));
        Assert.Equal((403, null), Pick(new ScopeException(true)));
        Assert.Equal((404, null), Pick(new ScopeException(false)));
        Assert.Equal((409, null), Pick(new DbUpdateConcurrencyException()));
        Assert.Null(Refusals.Of(new InvalidOperationException()));
    }

    [Fact]
    public void NoSecondWayToSayNotYours()
    {
        var web = typeof(Refusals).Assembly;
        Assert.Null(web.GetTypes().FirstOrDefault(t => t.Name == "InputException"));
        Assert.Null(typeof(Lookups).GetMethod("EnsureManages"));
    }

    private static (int, string?) Pick(Exception e) => Refusals.Of(e) is { } r ? (r.Status, r.Field) : (0, null);
}
