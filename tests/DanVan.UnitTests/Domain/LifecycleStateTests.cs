using System.Reflection;
using DanVan.Domain;
using DanVan.Features.Initiatives;

namespace DanVan.UnitTests.Domain;

/// <summary>The entity owns its state: lifecycle properties change only through its methods, and no input carries them.</summary>
public class LifecycleStateTests
{
    // Changed only by Recognize, Retire, Reinstate, MarkReporting, DeclareOrigin, Replicate and SettleSource.
    private static readonly string[] OnlyMethodsChange =
    [
        nameof(Initiative.Status), nameof(Initiative.RetiredOn), nameof(Initiative.RetiredReason), nameof(Initiative.HighestLevel),
        nameof(Initiative.FirstRecognizedOn), nameof(Initiative.CommuneRecognizedOn), nameof(Initiative.DistrictRecognizedOn),
        nameof(Initiative.ProvinceRecognizedOn), nameof(Initiative.NationalRecognizedOn), nameof(Initiative.Recognitions),
        nameof(Initiative.Origin), nameof(Initiative.ReplicatedFromId), nameof(Initiative.ReplicatedFrom), nameof(Initiative.OriginNote),
    ];

    // A registration may name where a model comes from (checked and set by DeclareOrigin); it can never state these.
    private static readonly string[] NeverInput =
    [
        nameof(Initiative.Status), nameof(Initiative.RetiredOn), nameof(Initiative.RetiredReason), nameof(Initiative.HighestLevel),
        nameof(Initiative.FirstRecognizedOn), nameof(Initiative.CommuneRecognizedOn), nameof(Initiative.DistrictRecognizedOn),
        nameof(Initiative.ProvinceRecognizedOn), nameof(Initiative.NationalRecognizedOn), nameof(Initiative.Recognitions),
    ];

    [Fact]
    public void LifecycleProperties_HaveNoPublicSetter()
    {
        var open = typeof(Initiative).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => OnlyMethodsChange.Contains(p.Name) && p.SetMethod is { IsPublic: true }).Select(p => p.Name).ToList();
        Assert.True(open.Count == 0, "Settable from outside the entity: " + string.Join(", ", open));
        Assert.Equal(OnlyMethodsChange.Length, typeof(Initiative).GetProperties().Count(p => OnlyMethodsChange.Contains(p.Name)));
    }

    [Fact]
    public void NoInputType_CarriesALifecycleProperty()
    {
        var inputs = typeof(InitiativeInput).Assembly.GetTypes().Where(t => t.Name.EndsWith("Input", StringComparison.Ordinal)).ToList();
        Assert.True(inputs.Count >= 10, $"only {inputs.Count} input types found");
        var carried = inputs.SelectMany(t => t.GetProperties().Where(p => NeverInput.Contains(p.Name)).Select(p => $"{t.Name}.{p.Name}")).ToList();
        Assert.True(carried.Count == 0, "Inputs that carry lifecycle: " + string.Join(", ", carried));
    }

    /// <summary>Entities of the year's second half that own their whole state: every property changes through their methods.</summary>
    [Theory]
    [InlineData(typeof(UnitReport))]
    [InlineData(typeof(UnitReportValue))]
    [InlineData(typeof(Inspection))]
    [InlineData(typeof(InspectionTask))]
    [InlineData(typeof(AwardForm))]
    [InlineData(typeof(Indicator))]
    [InlineData(typeof(MovementDocument))]
    [InlineData(typeof(AwardDecision))]
    [InlineData(typeof(AwardRecipient))]
    [InlineData(typeof(Nomination))]
    [InlineData(typeof(ResultReport))]
    [InlineData(typeof(IndicatorValue))]
    public void SecondHalfEntities_HaveNoPublicSetter_ButTheirPlumbing(Type entity)
    {
        // The row version (set by the concurrency check) and a foreign key a bulk writer fills are plumbing, not state.
        string[] plumbing = [nameof(IVersioned.Version), nameof(UnitReportValue.ReportId)];
        var open = entity.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && !plumbing.Contains(p.Name)).Select(p => p.Name).ToList();
        Assert.True(open.Count == 0, $"{entity.Name}: settable from outside: " + string.Join(", ", open));
        Assert.DoesNotContain(entity.GetConstructors(), c => c.GetParameters().Length == 0);
    }
}
