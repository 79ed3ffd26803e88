using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure.Seeding;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>The benchmark's data generator, on databases of its own (it writes thousands of rows).</summary>
public class GeneratorTests
{
    private static async Task<(Generator.Result Result, List<string> Names, AppDbContext Db, AsyncServiceScope Scope)> GenerateAsync(DanVanFactory app, int seed)
    {
        var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = await Generator.RunAsync(db, 1500, seed, 2013, 2026);
        var names = await db.Initiatives.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Name).Take(50).ToListAsync();
        return (result, names, db, scope);
    }

    [Fact]
    public async Task Generates_ConsistentDataAroundTheRecords_TheSameForASeed()
    {
        await using var first = new DanVanFactory();
        await using var second = new DanVanFactory();
        var (a, namesA, db, scope) = await GenerateAsync(first, 11);
        await using var _ = scope;
        var (b, namesB, _, scope2) = await GenerateAsync(second, 11);
        await using var __ = scope2;

        Assert.Equal(namesA, namesB);
        Assert.Equal((a.Recognitions, a.Retired, a.ResultReports, a.SurveyAnswers), (b.Recognitions, b.Retired, b.ResultReports, b.SurveyAnswers));
        Assert.Equal(1500, await db.Initiatives.CountAsync());
        // Every kind of row a real province holds, linked to real records.
        Assert.InRange(a.ResultReports, 1500 * 2, 1500 * 6);
        Assert.Equal(a.ResultReports, await db.ResultReports.CountAsync(r => r.Initiative!.RegisteredOn < r.PeriodStart));
        Assert.Equal(a.ResultReports, await db.IndicatorValues.CountAsync());
        Assert.Equal(a.SurveyAnswers, await db.SurveyAnswers.CountAsync());
        Assert.True(a.SurveyAnswers > 0 && a.Appraisals > 0 && a.Organizations > 3000 && a.Users > 3000);
        Assert.Equal(0, await db.AppraisalItems.CountAsync(i => i.Initiative!.HighestLevel < RecognitionLevel.Province));
        Assert.True(await db.Initiatives.AnyAsync(i => i.OwnerOrganization!.ScopePath == i.ScopePath));
        Assert.Equal(a.Recognitions, await db.Recognitions.CountAsync());
        Assert.Equal(0, await db.Initiatives.CountAsync(i => i.HighestLevel != null && !db.Recognitions.Any(r => r.InitiativeId == i.Id && r.Level == i.HighestLevel)));

        // The app goes on numbering after the generated rows.
        var api = await first.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        await TestData.CreateInitiativeAsync(api, TestData.ThaiHoa);
        Assert.Equal(1501, await db.Initiatives.CountAsync());
    }
}
