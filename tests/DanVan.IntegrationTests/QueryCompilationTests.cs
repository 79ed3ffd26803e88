using System.Net.Http.Json;
using DanVan.Data;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.IntegrationTests;

/// <summary>
/// A query made for one unit path, page or cursor is compiled once and run with other values as parameters: the paths
/// were inlined into the SQL, so every officer's area (and every page of a list) was a new query compiled again —
/// milliseconds of CPU on every signed-in request and on every row of an import.
/// </summary>
[Collection(AppCollection.Name)]
public class QueryCompilationTests(DanVanFactory app)
{
    private async Task<int> CompilationsAsync(Func<AppDbContext, Task> run)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var compiled = 0;
        using (EfEvents.Listen(e =>
               {
                   if (e.Key == CoreEventId.QueryCompilationStarting.Name && e.Value is DbContextEventData d && ReferenceEquals(d.Context, db))
                   {
                       Interlocked.Increment(ref compiled);
                   }
               }))
        {
            await run(db);
        }

        return compiled;
    }

    [Fact]
    public async Task AnAreaQuery_ForAnotherArea_IsNotCompiledAgain()
    {
        static Task<int> CountAsync(AppDbContext db, string path) => db.Initiatives.AsNoTracking().WithinPaths([path], i => i.ScopePath).CountAsync();
        Assert.Equal(1, await CompilationsAsync(db => CountAsync(db, "/33/11983/")) + await CompilationsAsync(db => CountAsync(db, "/33/11983/")));
        Assert.Equal(0, await CompilationsAsync(async db =>
        {
            foreach (var path in new[] { "/33/", "/40/", "/40/16939/", "/01/" })
            {
                await CountAsync(db, path);
            }
        }));
    }

    [Fact]
    public async Task AListsNextPage_IsNotCompiledAgain()
    {
        const string TanHung = "11977";
        var officer = await app.ApiClientAsync((Domain.Role.Officer, TanHung));
        for (var month = 1; month <= 9; month++)
        {
            var saved = await officer.PostAsJsonAsync("/api/v1/unit-reports", new { unitCode = TanHung, period = $"2023-0{month}", values = new[] { new { indicator = "funds_mobilized", value = 10m * month, unit = "triệu đồng" } } });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        var first = await (await officer.GetAsync("/api/v1/unit-reports?limit=2")).ReadJsonAsync();
        var next = first.GetProperty("next").GetString();
        var second = await (await officer.GetAsync($"/api/v1/unit-reports?limit=2&after={next}")).ReadJsonAsync();
        var compiled = 0;
        using (EfEvents.Listen(e =>
               {
                   // This app's requests only (the classes running beside this one have databases of their own).
                   if (e.Key == CoreEventId.QueryCompilationStarting.Name && e.Value is DbContextEventData d && d.Context?.Database.GetConnectionString() == app.ConnectionString)
                   {
                       Interlocked.Increment(ref compiled);
                   }
               }))
        {
            // Pages further on: other ids, other cursors, the same queries.
            var after = second.GetProperty("next").GetString();
            for (var k = 0; k < 3 && after is not null; k++)
            {
                var page = await (await officer.GetAsync($"/api/v1/unit-reports?limit=2&after={after}")).ReadJsonAsync();
                after = page.TryGetProperty("next", out var n) ? n.GetString() : null;
            }
        }

        Assert.Equal(0, compiled);
    }
}
