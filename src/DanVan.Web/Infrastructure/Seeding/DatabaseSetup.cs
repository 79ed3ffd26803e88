using DanVan.Data;
using DanVan.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Seeding;

public sealed record SetupResult(MapSeeder.Counts Map, bool CreatedNow, IReadOnlyList<(string Email, string Role, string Password)> DemoAccounts);

/// <summary>Migrate, load the map, and on the first start of the default SQLite file, the demo data.</summary>
public static class DatabaseSetup
{
    public static async Task<SetupResult> MigrateAndSeedAsync(IServiceProvider services, IConfiguration config, ILogger log, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var createdNow = !(await db.Database.GetAppliedMigrationsAsync(ct)).Any();
        await db.Database.MigrateAsync(ct);
        if (db.Dialect.AfterMigrate is { } settle)
        {
            await db.Database.ExecuteSqlRawAsync(settle, ct);
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var counts = await MapSeeder.SeedAsync(db, ct);
        await MeasureSeeder.SeedAsync(db, ct);
        await IndicatorSeeder.SeedAsync(db, ct);
        await AwardFormSeeder.SeedAsync(db, ct);
        if (!await db.IndicatorTotals.AnyAsync(ct) && (await db.IndicatorValues.AnyAsync(v => v.IndicatorId != null, ct) || await db.UnitReportValues.AnyAsync(ct)))
        {
            // A database from before the rollup: its totals built once from the records.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await IndicatorRollup.RebuildAsync(db, ct);
            await tx.CommitAsync(ct);
        }

        log.LogInformation("Map ready: {Units2024} units (2024), {Units2025} units (2025), {Successions} successions in {Elapsed} ms",
            counts.Units2024, counts.Units2025, counts.Successions, (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        // "auto": demo data the first time the app starts on SQLite; "true"/"false" force it.
        var demo = config["Seed:Demo"] ?? "auto";
        var wantDemo = demo.Equals("true", StringComparison.OrdinalIgnoreCase)
            || (demo.Equals("auto", StringComparison.OrdinalIgnoreCase) && createdNow && DatabaseProvider.Kind(config) == DatabaseKind.Sqlite);
        IReadOnlyList<(string, string, string)> accounts = [];
        if (wantDemo)
        {
            accounts = await DemoSeeder.SeedAsync(services, ct);
        }

        return new SetupResult(counts, createdNow, accounts);
    }
}
