using System.Diagnostics;
using DanVan.Data;
using DanVan.Domain;
using DanVan.Infrastructure;
using DanVan.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DanVan.IntegrationTests;

/// <summary>
/// The backup commands of docs/operations.md, restored into a fresh database: every table holds the same rows.
/// SQLite: the app's own "backup" command (VACUUM INTO); PostgreSQL: pg_dump -Fc and pg_restore.
/// </summary>
[Collection(AppCollection.Name)]
public class BackupRestoreTests(DanVanFactory app)
{
    [Fact]
    public async Task Backup_RestoredIntoAFreshDatabase_HasEveryRecord()
    {
        var api = await app.ApiClientAsync((Role.Officer, TestData.ThaiHoa));
        var id = await TestData.CreateInitiativeAsync(api, TestData.ThaiHoa, "Sao lưu – Đường hoa " + Guid.NewGuid().ToString("N")[..6]);
        var work = Directory.CreateTempSubdirectory("danvan-backup-");
        try
        {
            Dictionary<string, long> live, restored;
            if (app.Provider == DatabaseKind.Sqlite)
            {
                var file = Path.Combine(work.FullName, "danvan-backup.db");
                Environment.SetEnvironmentVariable("Database__Provider", "Sqlite");
                Environment.SetEnvironmentVariable("ConnectionStrings__DanVan", app.ConnectionString);
                try
                {
                    Assert.Equal(0, await Cli.RunAsync(["backup", "--file", file], TextWriter.Null, TextWriter.Null));
                    // A second run never overwrites a backup.
                    Assert.Equal(2, await Cli.RunAsync(["backup", "--file", file], TextWriter.Null, TextWriter.Null));
                }
                finally
                {
                    Environment.SetEnvironmentVariable("Database__Provider", null);
                    Environment.SetEnvironmentVariable("ConnectionStrings__DanVan", null);
                }

                live = await SqliteCountsAsync(app.ConnectionString);
                restored = await SqliteCountsAsync($"Data Source={file};Pooling=False");
                await using var check = new SqliteConnection($"Data Source={file};Pooling=False");
                await check.OpenAsync();
                await using var integrity = check.CreateCommand();
                integrity.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", (string?)await integrity.ExecuteScalarAsync());
                await using var name = check.CreateCommand();
                name.CommandText = $"SELECT \"Name\" FROM \"Initiatives\" WHERE \"Id\" = {id}";
                Assert.StartsWith("Sao lưu – Đường hoa", (string?)await name.ExecuteScalarAsync(), StringComparison.Ordinal);
            }
            else
            {
                var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).First(d => File.Exists(Path.Combine(d, "pg_dump")));
                var source = new NpgsqlConnectionStringBuilder(app.ConnectionString);
                var target = "danvan_restore_" + Guid.NewGuid().ToString("N")[..10];
                var dump = Path.Combine(work.FullName, "danvan.dump");
                Run(Path.Combine(bin, "pg_dump"), $"-Fc -h {source.Host} -p {source.Port} -U {source.Username} -d {source.Database} -f {dump}");
                await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres" }.ConnectionString))
                {
                    await admin.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {target}", admin);
                    await create.ExecuteNonQueryAsync();
                }

                try
                {
                    Run(Path.Combine(bin, "pg_restore"), $"--exit-on-error -h {source.Host} -p {source.Port} -U {source.Username} -d {target} {dump}");
                    live = await PostgresCountsAsync(app.ConnectionString);
                    restored = await PostgresCountsAsync(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = target }.ConnectionString);
                }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                    await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres" }.ConnectionString);
                    await admin.OpenAsync();
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {target} WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync();
                }
            }

            Assert.True(live["Initiatives"] > 0 && live["AdminUnits"] > 10_000);
            Assert.Equal(live.Keys.Order(), restored.Keys.Order());
            Assert.All(live, t => Assert.Equal((t.Key, t.Value), (t.Key, restored[t.Key])));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Run(string program, string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{Path.GetFileName(program)} failed: {err}");
    }

    private static async Task<Dictionary<string, long>> SqliteCountsAsync(string connectionString)
    {
        await using var c = new SqliteConnection(connectionString);
        await c.OpenAsync();
        var tables = new List<string>();
        await using (var list = c.CreateCommand())
        {
            // Every table of ours (the full-text index's shadow tables follow their table).
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'InitiativeSearch_%'";
            await using var r = await list.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                tables.Add(r.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var t in tables)
        {
            await using var count = c.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{t}\"";
            counts[t] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private static async Task<Dictionary<string, long>> PostgresCountsAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", c))
        await using (var r = await list.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                tables.Add(r.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var t in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{t}\"", c);
            counts[t] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
